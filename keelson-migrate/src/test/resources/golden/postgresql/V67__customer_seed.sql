-- V67: seed of customer
INSERT INTO customer (name, status, amount) VALUES
    ('first customer', 'active', 10.50),
    ('second customer', 'new', 0),
    ('O''Brien customer', 'closed', 99.99);
DO $$
BEGIN
    IF (SELECT count(*) FROM customer) < 3 THEN
        RAISE EXCEPTION 'seed of customer incomplete';
    END IF;
END
$$;
