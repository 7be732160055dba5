-- U5: status type of shipment
DROP TYPE shipment_status;
