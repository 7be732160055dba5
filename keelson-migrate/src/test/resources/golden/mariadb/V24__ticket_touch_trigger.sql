-- V24: touch trigger of ticket
CREATE TRIGGER ticket_touch BEFORE UPDATE ON ticket FOR EACH ROW
BEGIN
    SET NEW.updated_at = CURRENT_TIMESTAMP(3);
    IF NEW.note = 'a;b' THEN
        SET NEW.note = CONCAT(NEW.note, ' (semicolon)');
    END IF;
END;
