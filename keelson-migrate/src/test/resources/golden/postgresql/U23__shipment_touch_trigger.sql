-- U23: touch trigger of shipment
DROP TRIGGER shipment_touch ON shipment;
DROP FUNCTION shipment_touch();
