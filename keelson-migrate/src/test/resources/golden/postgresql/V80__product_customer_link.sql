-- V80: customer link of product
ALTER TABLE product ADD COLUMN customer_id bigint REFERENCES customer (id);
CREATE INDEX product_customer_id_idx ON product (customer_id);
