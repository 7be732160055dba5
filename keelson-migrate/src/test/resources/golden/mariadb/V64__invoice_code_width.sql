-- V64: code width of invoice
ALTER TABLE invoice MODIFY code varchar(40);
