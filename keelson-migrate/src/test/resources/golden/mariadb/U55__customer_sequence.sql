-- U55: sequence of customer
DROP SEQUENCE customer_ref_seq;
