-- U76: rename note of invoice
ALTER TABLE invoice RENAME COLUMN remark TO note;
