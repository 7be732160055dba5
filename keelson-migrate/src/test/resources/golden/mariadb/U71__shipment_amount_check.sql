-- U71: amount check of shipment
ALTER TABLE shipment DROP CONSTRAINT shipment_amount_positive;
