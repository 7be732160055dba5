-- U11: indexes of shipment
DROP INDEX shipment_shipped_at_idx ON shipment;
DROP INDEX shipment_name_idx ON shipment;
DROP INDEX shipment_created_at_idx ON shipment;
