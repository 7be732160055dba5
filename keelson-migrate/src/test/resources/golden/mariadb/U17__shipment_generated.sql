-- U17: generated of shipment
ALTER TABLE shipment DROP COLUMN amount_gross, DROP COLUMN name_upper;
