-- V57: sequence of supplier
CREATE SEQUENCE supplier_ref_seq START WITH 1000 INCREMENT BY 1;
