-- V20: touch trigger of product
CREATE FUNCTION product_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- a semicolon in a comment; and one in a string: 'a;b'
    NEW.updated_at := now();
    IF NEW.note = 'a;b' THEN
        RAISE NOTICE 'note of % has a semicolon', NEW.id;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER product_touch BEFORE UPDATE ON product FOR EACH ROW EXECUTE FUNCTION product_touch();
