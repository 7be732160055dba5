-- U40: label function of invoice
DROP FUNCTION invoice_label;
