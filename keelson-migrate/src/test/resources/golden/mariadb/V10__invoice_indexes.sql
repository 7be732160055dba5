-- V10: indexes of invoice
CREATE INDEX invoice_created_at_idx ON invoice (created_at);
CREATE UNIQUE INDEX invoice_name_idx ON invoice (name);
CREATE INDEX invoice_due_on_idx ON invoice (due_on);
