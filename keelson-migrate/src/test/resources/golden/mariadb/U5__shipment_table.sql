-- U5: shipment table of shipment
DROP TABLE shipment;
