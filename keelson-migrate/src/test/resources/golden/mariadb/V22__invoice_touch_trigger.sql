-- V22: touch trigger of invoice
CREATE TRIGGER invoice_touch BEFORE UPDATE ON invoice FOR EACH ROW
BEGIN
    SET NEW.updated_at = CURRENT_TIMESTAMP(3);
    IF NEW.note = 'a;b' THEN
        SET NEW.note = CONCAT(NEW.note, ' (semicolon)');
    END IF;
END;
