-- V19: touch trigger of customer
CREATE FUNCTION customer_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- a semicolon in a comment; and one in a string: 'a;b'
    NEW.updated_at := now();
    IF NEW.note = 'a;b' THEN
        RAISE NOTICE 'note of % has a semicolon', NEW.id;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER customer_touch BEFORE UPDATE ON customer FOR EACH ROW EXECUTE FUNCTION customer_touch();
