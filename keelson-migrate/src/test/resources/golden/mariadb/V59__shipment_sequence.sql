-- V59: sequence of shipment
CREATE SEQUENCE shipment_ref_seq START WITH 1000 INCREMENT BY 1;
