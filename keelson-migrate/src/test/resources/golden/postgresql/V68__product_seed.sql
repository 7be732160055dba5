-- V68: seed of product
INSERT INTO product (name, status, amount) VALUES
    ('first product', 'active', 10.50),
    ('second product', 'new', 0),
    ('O''Brien product', 'closed', 99.99);
DO $$
BEGIN
    IF (SELECT count(*) FROM product) < 3 THEN
        RAISE EXCEPTION 'seed of product incomplete';
    END IF;
END
$$;
