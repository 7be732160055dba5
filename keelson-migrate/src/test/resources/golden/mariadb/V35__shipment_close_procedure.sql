-- V35: close procedure of shipment
CREATE PROCEDURE shipment_close_old(IN days INT)
MODIFIES SQL DATA
BEGIN
    DECLARE closed INT DEFAULT 0;
    UPDATE shipment SET status = 'closed' WHERE created_at < NOW() - INTERVAL days DAY;
    SET closed = ROW_COUNT();
    SELECT closed AS closed_shipments;
END;
