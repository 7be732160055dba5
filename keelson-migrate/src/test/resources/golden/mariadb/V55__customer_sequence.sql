-- V55: sequence of customer
CREATE SEQUENCE customer_ref_seq START WITH 1000 INCREMENT BY 1;
