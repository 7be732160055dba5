-- U80: customer link of product
DROP INDEX product_customer_id_idx;
ALTER TABLE product DROP COLUMN customer_id;
