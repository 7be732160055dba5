-- U65: code width of shipment
-- keelson:lint-ignore mysql-table-copy the undo narrows a column of a small table
ALTER TABLE shipment MODIFY code varchar(20);
