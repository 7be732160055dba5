-- V17: generated of shipment
ALTER TABLE shipment ADD COLUMN name_upper varchar(100) AS (UPPER(name)) VIRTUAL,
    ADD COLUMN amount_gross decimal(14, 2) AS (amount * 1.2) STORED;
