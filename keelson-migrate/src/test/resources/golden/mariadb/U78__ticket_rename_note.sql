-- U78: rename note of ticket
ALTER TABLE ticket RENAME COLUMN remark TO note;
