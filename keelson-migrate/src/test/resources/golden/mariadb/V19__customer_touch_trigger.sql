-- V19: touch trigger of customer
CREATE TRIGGER customer_touch BEFORE UPDATE ON customer FOR EACH ROW
BEGIN
    SET NEW.updated_at = CURRENT_TIMESTAMP(3);
    IF NEW.note = 'a;b' THEN
        SET NEW.note = CONCAT(NEW.note, ' (semicolon)');
    END IF;
END;
