-- U34: close procedure of invoice
DROP PROCEDURE invoice_close_old;
