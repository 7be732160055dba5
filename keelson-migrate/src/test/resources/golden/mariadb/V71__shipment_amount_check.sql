-- V71: amount check of shipment
ALTER TABLE shipment ADD CONSTRAINT shipment_amount_positive CHECK (amount >= 0);
