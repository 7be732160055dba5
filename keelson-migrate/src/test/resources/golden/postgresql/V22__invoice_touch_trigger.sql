-- V22: touch trigger of invoice
CREATE FUNCTION invoice_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- a semicolon in a comment; and one in a string: 'a;b'
    NEW.updated_at := now();
    IF NEW.note = 'a;b' THEN
        RAISE NOTICE 'note of % has a semicolon', NEW.id;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER invoice_touch BEFORE UPDATE ON invoice FOR EACH ROW EXECUTE FUNCTION invoice_touch();
