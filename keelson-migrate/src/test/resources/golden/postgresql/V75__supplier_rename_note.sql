-- V75: rename note of supplier
ALTER TABLE supplier RENAME COLUMN note TO remark;
