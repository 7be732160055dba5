-- V15: indexes of supplier
CREATE INDEX supplier_created_at_idx ON supplier (created_at);
CREATE UNIQUE INDEX supplier_lower_name_idx ON supplier (lower(name)) WHERE status <> 'closed';
CREATE INDEX supplier_country_idx ON supplier (country);
