-- V67: amount check of customer
ALTER TABLE customer ADD CONSTRAINT customer_amount_positive CHECK (amount >= 0);
