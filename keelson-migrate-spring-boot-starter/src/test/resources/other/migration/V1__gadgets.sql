CREATE TABLE gadgets_${suffix} (id bigint PRIMARY KEY);
