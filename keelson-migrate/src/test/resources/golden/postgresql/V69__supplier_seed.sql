-- V69: seed of supplier
INSERT INTO supplier (name, status, amount) VALUES
    ('first supplier', 'active', 10.50),
    ('second supplier', 'new', 0),
    ('O''Brien supplier', 'closed', 99.99);
DO $$
BEGIN
    IF (SELECT count(*) FROM supplier) < 3 THEN
        RAISE EXCEPTION 'seed of supplier incomplete';
    END IF;
END
$$;
