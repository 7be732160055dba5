-- U84: shipment link of ticket
DROP INDEX ticket_shipment_id_idx;
ALTER TABLE ticket DROP COLUMN shipment_id;
