-- V72: seed of ticket
INSERT INTO ticket (name, status, amount) VALUES
    ('first ticket', 'active', 10.50),
    ('second ticket', 'new', 0),
    ('O''Brien ticket', 'closed', 99.99);
DO $$
BEGIN
    IF (SELECT count(*) FROM ticket) < 3 THEN
        RAISE EXCEPTION 'seed of ticket incomplete';
    END IF;
END
$$;
