-- V84: shipment link of ticket
ALTER TABLE ticket ADD COLUMN shipment_id bigint NULL,
    ADD CONSTRAINT ticket_shipment_fk FOREIGN KEY (shipment_id) REFERENCES shipment (id);
