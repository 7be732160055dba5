-- V69: amount check of supplier
ALTER TABLE supplier ADD CONSTRAINT supplier_amount_positive CHECK (amount >= 0);
