-- U23: touch trigger of shipment
DROP TRIGGER shipment_touch;
