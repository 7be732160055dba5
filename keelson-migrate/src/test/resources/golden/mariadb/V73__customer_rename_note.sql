-- V73: rename note of customer
ALTER TABLE customer RENAME COLUMN note TO remark;
