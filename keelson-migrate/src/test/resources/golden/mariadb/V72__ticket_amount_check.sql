-- V72: amount check of ticket
ALTER TABLE ticket ADD CONSTRAINT ticket_amount_positive CHECK (amount >= 0);
