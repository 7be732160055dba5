-- V39: label function of supplier
CREATE FUNCTION supplier_label(p_id BIGINT) RETURNS VARCHAR(120)
READS SQL DATA
BEGIN
    DECLARE v VARCHAR(120);
    SELECT CONCAT(name, ' (', status, '; ', amount, ')') INTO v FROM supplier WHERE id = p_id;
    RETURN COALESCE(v, 'unknown; none');
END;
