-- V65: code width of shipment
ALTER TABLE shipment MODIFY code varchar(40);
