-- U62: code width of product
-- keelson:lint-ignore mysql-table-copy the undo narrows a column of a small table
ALTER TABLE product MODIFY code varchar(20);
