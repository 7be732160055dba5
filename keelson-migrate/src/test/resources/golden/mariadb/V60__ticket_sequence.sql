-- V60: sequence of ticket
CREATE SEQUENCE ticket_ref_seq START WITH 1000 INCREMENT BY 1;
