-- V79: sequence of customer
CREATE SEQUENCE customer_ref_seq START 1000;
ALTER TABLE customer ADD COLUMN ref bigint NOT NULL DEFAULT nextval('customer_ref_seq');
