-- U67: amount check of customer
ALTER TABLE customer DROP CONSTRAINT customer_amount_positive;
