-- V23: touch trigger of shipment
CREATE TRIGGER shipment_touch BEFORE UPDATE ON shipment FOR EACH ROW
BEGIN
    SET NEW.updated_at = CURRENT_TIMESTAMP(3);
    IF NEW.note = 'a;b' THEN
        SET NEW.note = CONCAT(NEW.note, ' (semicolon)');
    END IF;
END;
