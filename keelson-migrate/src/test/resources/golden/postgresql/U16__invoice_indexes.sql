-- U16: indexes of invoice
DROP INDEX invoice_due_on_idx;
DROP INDEX invoice_lower_name_idx;
DROP INDEX invoice_created_at_idx;
