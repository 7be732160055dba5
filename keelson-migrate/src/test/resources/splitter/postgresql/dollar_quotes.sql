-- Dollar quoting: untagged, tagged, nested tags, a tag that looks like the body's text, $1 parameters.
-- Nothing in this header is a statement; nor is this one: ;

CREATE TABLE "semi;colon" ("a;b" int, "say ""hi"";" text);

CREATE FUNCTION plain_body() RETURNS text LANGUAGE sql AS $$
    SELECT 'one; two'::text;
$$;

CREATE FUNCTION tagged_body(n int) RETURNS text LANGUAGE plpgsql AS $fn$
DECLARE
    q text := $q$SELECT ';' || $1::text$q$;   -- $1 is a parameter, not a quote
    r text;
BEGIN
    EXECUTE q INTO r USING n;
    RETURN r || $$;$$ || '$fn';   /* a lone $fn in a string, not the closing tag */
END;
$fn$;

DO $do$
BEGIN
    INSERT INTO "semi;colon" VALUES (1, $x$it's; "quoted"$x$);
END
$do$;

PREPARE two_params(int, int) AS SELECT $1 + $2;
EXECUTE two_params(1, 2);

SELECT plain_body() = 'one; two' AS expect_true;
SELECT tagged_body(7) = ';7;$fn' AS expect_true;
SELECT count(*) = 1 AS expect_true FROM "semi;colon" WHERE "say ""hi"";" = 'it''s; "quoted"';
