-- V77: rename note of shipment
ALTER TABLE shipment RENAME COLUMN note TO remark;
