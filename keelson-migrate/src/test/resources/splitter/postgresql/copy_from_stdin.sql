CREATE TABLE people (id int PRIMARY KEY, name text, note text);

-- text format: tabs between columns, \N for NULL, semicolons and quotes are data
COPY people (id, name, note) FROM stdin;
1	Ann	likes ; semicolons
2	O'Brien	\N
3	"Quoted"	-- not a comment
\.

COPY people FROM STDIN WITH (FORMAT csv, DELIMITER ';', QUOTE '"');
4;Dan;"a ""csv""; field"
5;Eve;
\.
SELECT count(*) = 5 AS expect_true FROM people;
SELECT note IS NULL AS expect_true FROM people WHERE id = 2;
SELECT note = 'a "csv"; field' AS expect_true FROM people WHERE id = 4;
SELECT name = '"Quoted"' AND note = '-- not a comment' AS expect_true FROM people WHERE id = 3;
