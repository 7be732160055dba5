-- U70: amount check of invoice
ALTER TABLE invoice DROP CONSTRAINT invoice_amount_positive;
