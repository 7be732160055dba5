-- V61: code width of customer
ALTER TABLE customer MODIFY code varchar(40);
