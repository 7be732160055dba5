-- U77: rename note of shipment
ALTER TABLE shipment RENAME COLUMN remark TO note;
