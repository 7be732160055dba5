-- U59: events of shipment
DROP TABLE shipment_event;
