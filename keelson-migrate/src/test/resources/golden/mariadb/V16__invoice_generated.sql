-- V16: generated of invoice
ALTER TABLE invoice ADD COLUMN name_upper varchar(100) AS (UPPER(name)) VIRTUAL,
    ADD COLUMN amount_gross decimal(14, 2) AS (amount * 1.2) STORED;
