-- U64: code width of invoice
-- keelson:lint-ignore mysql-table-copy the undo narrows a column of a small table
ALTER TABLE invoice MODIFY code varchar(20);
