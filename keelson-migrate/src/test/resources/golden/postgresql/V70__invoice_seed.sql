-- V70: seed of invoice
INSERT INTO invoice (name, status, amount) VALUES
    ('first invoice', 'active', 10.50),
    ('second invoice', 'new', 0),
    ('O''Brien invoice', 'closed', 99.99);
DO $$
BEGIN
    IF (SELECT count(*) FROM invoice) < 3 THEN
        RAISE EXCEPTION 'seed of invoice incomplete';
    END IF;
END
$$;
