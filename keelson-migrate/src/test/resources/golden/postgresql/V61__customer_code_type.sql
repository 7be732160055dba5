-- V61: code type of customer
ALTER TABLE customer ALTER COLUMN code TYPE varchar(12);
