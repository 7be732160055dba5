-- U74: rename note of product
ALTER TABLE product RENAME COLUMN remark TO note;
