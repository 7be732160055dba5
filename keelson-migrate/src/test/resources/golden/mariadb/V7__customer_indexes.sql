-- V7: indexes of customer
CREATE INDEX customer_created_at_idx ON customer (created_at);
CREATE UNIQUE INDEX customer_name_idx ON customer (name);
CREATE INDEX customer_email_idx ON customer (email);
