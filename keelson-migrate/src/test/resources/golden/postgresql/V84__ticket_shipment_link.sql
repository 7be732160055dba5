-- V84: shipment link of ticket
ALTER TABLE ticket ADD COLUMN shipment_id bigint REFERENCES shipment (id);
CREATE INDEX ticket_shipment_id_idx ON ticket (shipment_id);
