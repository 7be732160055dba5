-- V62: code type of product
ALTER TABLE product ALTER COLUMN code TYPE varchar(12);
