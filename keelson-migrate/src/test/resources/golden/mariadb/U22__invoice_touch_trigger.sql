-- U22: touch trigger of invoice
DROP TRIGGER invoice_touch;
