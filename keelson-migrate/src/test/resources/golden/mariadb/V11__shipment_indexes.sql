-- V11: indexes of shipment
CREATE INDEX shipment_created_at_idx ON shipment (created_at);
CREATE UNIQUE INDEX shipment_name_idx ON shipment (name);
CREATE INDEX shipment_shipped_at_idx ON shipment (shipped_at);
