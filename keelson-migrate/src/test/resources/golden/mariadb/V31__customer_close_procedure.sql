-- V31: close procedure of customer
CREATE PROCEDURE customer_close_old(IN days INT)
MODIFIES SQL DATA
BEGIN
    DECLARE closed INT DEFAULT 0;
    UPDATE customer SET status = 'closed' WHERE created_at < NOW() - INTERVAL days DAY;
    SET closed = ROW_COUNT();
    SELECT closed AS closed_customers;
END;
