-- U15: indexes of supplier
DROP INDEX supplier_country_idx;
DROP INDEX supplier_lower_name_idx;
DROP INDEX supplier_created_at_idx;
