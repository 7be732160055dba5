-- U29: generated name of shipment
ALTER TABLE shipment DROP COLUMN name_lower;
