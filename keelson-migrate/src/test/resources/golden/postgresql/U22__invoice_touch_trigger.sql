-- U22: touch trigger of invoice
DROP TRIGGER invoice_touch ON invoice;
DROP FUNCTION invoice_touch();
