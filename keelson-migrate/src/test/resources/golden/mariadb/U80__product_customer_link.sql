-- U80: customer link of product
ALTER TABLE product DROP FOREIGN KEY product_customer_fk;
ALTER TABLE product DROP INDEX product_customer_fk, DROP COLUMN customer_id;
