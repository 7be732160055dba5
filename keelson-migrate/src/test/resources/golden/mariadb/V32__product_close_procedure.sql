-- V32: close procedure of product
CREATE PROCEDURE product_close_old(IN days INT)
MODIFIES SQL DATA
BEGIN
    DECLARE closed INT DEFAULT 0;
    UPDATE product SET status = 'closed' WHERE created_at < NOW() - INTERVAL days DAY;
    SET closed = ROW_COUNT();
    SELECT closed AS closed_products;
END;
