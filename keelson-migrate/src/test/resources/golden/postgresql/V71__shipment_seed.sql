-- V71: seed of shipment
INSERT INTO shipment (name, status, amount) VALUES
    ('first shipment', 'active', 10.50),
    ('second shipment', 'new', 0),
    ('O''Brien shipment', 'closed', 99.99);
DO $$
BEGIN
    IF (SELECT count(*) FROM shipment) < 3 THEN
        RAISE EXCEPTION 'seed of shipment incomplete';
    END IF;
END
$$;
