-- V70: amount check of invoice
ALTER TABLE invoice ADD CONSTRAINT invoice_amount_positive CHECK (amount >= 0);
