-- U10: indexes of invoice
DROP INDEX invoice_due_on_idx ON invoice;
DROP INDEX invoice_name_idx ON invoice;
DROP INDEX invoice_created_at_idx ON invoice;
