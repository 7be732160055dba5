-- U73: rename note of customer
ALTER TABLE customer RENAME COLUMN remark TO note;
