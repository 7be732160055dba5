ALTER TABLE users MODIFY COLUMN age varchar(10);
