-- keelson:lint-ignore drop-table-or-column unused since release 4.2, removed from the code in 4.3
ALTER TABLE users DROP COLUMN email;
