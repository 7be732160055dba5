-- V58: sequence of invoice
CREATE SEQUENCE invoice_ref_seq START WITH 1000 INCREMENT BY 1;
