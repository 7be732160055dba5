-- V13: indexes of customer
CREATE INDEX customer_created_at_idx ON customer (created_at);
CREATE UNIQUE INDEX customer_lower_name_idx ON customer (lower(name)) WHERE status <> 'closed';
CREATE INDEX customer_email_idx ON customer (email);
