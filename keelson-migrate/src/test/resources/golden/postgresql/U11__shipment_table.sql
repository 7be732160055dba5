-- U11: shipment table of shipment
DROP TABLE shipment;
