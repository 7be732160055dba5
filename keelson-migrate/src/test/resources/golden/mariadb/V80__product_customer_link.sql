-- V80: customer link of product
ALTER TABLE product ADD COLUMN customer_id bigint NULL,
    ADD CONSTRAINT product_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id);
