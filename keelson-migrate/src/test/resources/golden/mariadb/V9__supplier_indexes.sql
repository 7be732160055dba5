-- V9: indexes of supplier
CREATE INDEX supplier_created_at_idx ON supplier (created_at);
CREATE UNIQUE INDEX supplier_name_idx ON supplier (name);
CREATE INDEX supplier_country_idx ON supplier (country);
