-- U60: sequence of ticket
DROP SEQUENCE ticket_ref_seq;
