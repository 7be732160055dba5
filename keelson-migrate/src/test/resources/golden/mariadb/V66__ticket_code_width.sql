-- V66: code width of ticket
ALTER TABLE ticket MODIFY code varchar(40);
