// H2 accepts // line comments; and nested /* block /* comments */ */
CREATE TABLE "t;1" (id INT PRIMARY KEY, txt VARCHAR(100));
CREATE ALIAS REVERSE_TEXT AS $$
String reverseText(String s) {
    // a Java comment; with a quote "
    return new StringBuilder(s).reverse().toString();
}
$$;
INSERT INTO "t;1" VALUES (1, 'it''s; here'), (2, 'C:\');
SELECT REVERSE_TEXT('a;b') = 'b;a' AS expect_true;
SELECT txt = 'C:' || CHAR(92) AS expect_true FROM "t;1" WHERE id = 2;
SELECT 1 /* nested /* comment; */ still */ = 1 AS expect_true;
SELECT count(*) = 2 AS expect_true FROM "t;1"
