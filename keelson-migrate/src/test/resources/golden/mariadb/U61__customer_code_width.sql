-- U61: code width of customer
-- keelson:lint-ignore mysql-table-copy the undo narrows a column of a small table
ALTER TABLE customer MODIFY code varchar(20);
