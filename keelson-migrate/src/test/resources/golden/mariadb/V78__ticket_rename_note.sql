-- V78: rename note of ticket
ALTER TABLE ticket RENAME COLUMN note TO remark;
