-- U84: shipment link of ticket
ALTER TABLE ticket DROP FOREIGN KEY ticket_shipment_fk;
ALTER TABLE ticket DROP INDEX ticket_shipment_fk, DROP COLUMN shipment_id;
