-- V37: label function of customer
CREATE FUNCTION customer_label(p_id BIGINT) RETURNS VARCHAR(120)
READS SQL DATA
BEGIN
    DECLARE v VARCHAR(120);
    SELECT CONCAT(name, ' (', status, '; ', amount, ')') INTO v FROM customer WHERE id = p_id;
    RETURN COALESCE(v, 'unknown; none');
END;
