-- U17: indexes of shipment
DROP INDEX shipment_shipped_at_idx;
DROP INDEX shipment_lower_name_idx;
DROP INDEX shipment_created_at_idx;
