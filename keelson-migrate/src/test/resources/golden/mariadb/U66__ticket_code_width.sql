-- U66: code width of ticket
-- keelson:lint-ignore mysql-table-copy the undo narrows a column of a small table
ALTER TABLE ticket MODIFY code varchar(20);
