-- V79: count table of customer
CREATE TABLE Count (Id int NOT NULL PRIMARY KEY, Total bigint);
INSERT INTO Count (Id, Total) VALUES (1, 0);
