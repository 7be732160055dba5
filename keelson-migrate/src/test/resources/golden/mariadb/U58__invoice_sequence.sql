-- U58: sequence of invoice
DROP SEQUENCE invoice_ref_seq;
