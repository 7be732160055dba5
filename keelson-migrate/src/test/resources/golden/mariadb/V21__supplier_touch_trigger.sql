-- V21: touch trigger of supplier
CREATE TRIGGER supplier_touch BEFORE UPDATE ON supplier FOR EACH ROW
BEGIN
    SET NEW.updated_at = CURRENT_TIMESTAMP(3);
    IF NEW.note = 'a;b' THEN
        SET NEW.note = CONCAT(NEW.note, ' (semicolon)');
    END IF;
END;
