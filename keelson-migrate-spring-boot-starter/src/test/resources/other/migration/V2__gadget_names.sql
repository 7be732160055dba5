ALTER TABLE gadgets_${suffix} ADD COLUMN name text;
