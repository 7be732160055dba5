-- V63: code width of supplier
ALTER TABLE supplier MODIFY code varchar(40);
