-- U9: indexes of supplier
DROP INDEX supplier_country_idx ON supplier;
DROP INDEX supplier_name_idx ON supplier;
DROP INDEX supplier_created_at_idx ON supplier;
