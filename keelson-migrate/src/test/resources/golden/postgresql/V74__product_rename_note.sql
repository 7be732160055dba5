-- V74: rename note of product
ALTER TABLE product RENAME COLUMN note TO remark;
