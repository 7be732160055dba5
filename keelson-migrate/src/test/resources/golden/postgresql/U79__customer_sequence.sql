-- U79: sequence of customer
ALTER TABLE customer DROP COLUMN ref;
DROP SEQUENCE customer_ref_seq;
