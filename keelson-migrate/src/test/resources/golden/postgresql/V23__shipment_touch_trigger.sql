-- V23: touch trigger of shipment
CREATE FUNCTION shipment_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- a semicolon in a comment; and one in a string: 'a;b'
    NEW.updated_at := now();
    IF NEW.note = 'a;b' THEN
        RAISE NOTICE 'note of % has a semicolon', NEW.id;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER shipment_touch BEFORE UPDATE ON shipment FOR EACH ROW EXECUTE FUNCTION shipment_touch();
