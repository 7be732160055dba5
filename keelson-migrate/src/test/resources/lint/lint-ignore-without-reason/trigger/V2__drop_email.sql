-- keelson:lint-ignore drop-table-or-column
ALTER TABLE users DROP COLUMN email;
