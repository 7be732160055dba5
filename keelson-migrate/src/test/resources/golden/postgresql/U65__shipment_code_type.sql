-- U65: code type of shipment
ALTER TABLE shipment ALTER COLUMN code TYPE text;
