-- V65: code type of shipment
ALTER TABLE shipment ALTER COLUMN code TYPE varchar(12);
