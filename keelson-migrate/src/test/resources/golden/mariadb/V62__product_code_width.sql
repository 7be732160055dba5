-- V62: code width of product
ALTER TABLE product MODIFY code varchar(40);
