-- U69: amount check of supplier
ALTER TABLE supplier DROP CONSTRAINT supplier_amount_positive;
