-- V34: close procedure of invoice
CREATE PROCEDURE invoice_close_old(IN days INT)
MODIFIES SQL DATA
BEGIN
    DECLARE closed INT DEFAULT 0;
    UPDATE invoice SET status = 'closed' WHERE created_at < NOW() - INTERVAL days DAY;
    SET closed = ROW_COUNT();
    SELECT closed AS closed_invoices;
END;
