-- V56: sequence of product
CREATE SEQUENCE product_ref_seq START WITH 1000 INCREMENT BY 1;
