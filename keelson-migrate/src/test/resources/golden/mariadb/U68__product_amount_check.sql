-- U68: amount check of product
ALTER TABLE product DROP CONSTRAINT product_amount_positive;
