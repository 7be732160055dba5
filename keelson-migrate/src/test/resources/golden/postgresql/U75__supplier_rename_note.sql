-- U75: rename note of supplier
ALTER TABLE supplier RENAME COLUMN remark TO note;
