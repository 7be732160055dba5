-- U63: code width of supplier
-- keelson:lint-ignore mysql-table-copy the undo narrows a column of a small table
ALTER TABLE supplier MODIFY code varchar(20);
