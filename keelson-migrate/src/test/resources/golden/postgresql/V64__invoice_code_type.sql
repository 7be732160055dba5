-- V64: code type of invoice
ALTER TABLE invoice ALTER COLUMN code TYPE varchar(12);
