-- V68: amount check of product
ALTER TABLE product ADD CONSTRAINT product_amount_positive CHECK (amount >= 0);
