-- V76: rename note of invoice
ALTER TABLE invoice RENAME COLUMN note TO remark;
