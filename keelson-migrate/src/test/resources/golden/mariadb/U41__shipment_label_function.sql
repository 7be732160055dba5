-- U41: label function of shipment
DROP FUNCTION shipment_label;
