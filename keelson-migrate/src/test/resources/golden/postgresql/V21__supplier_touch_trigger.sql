-- V21: touch trigger of supplier
CREATE FUNCTION supplier_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- a semicolon in a comment; and one in a string: 'a;b'
    NEW.updated_at := now();
    IF NEW.note = 'a;b' THEN
        RAISE NOTICE 'note of % has a semicolon', NEW.id;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER supplier_touch BEFORE UPDATE ON supplier FOR EACH ROW EXECUTE FUNCTION supplier_touch();
