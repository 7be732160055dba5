CREATE TABLE gizmos (id bigint PRIMARY KEY, name text);
