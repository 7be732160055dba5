-- V40: label function of invoice
CREATE FUNCTION invoice_label(p_id BIGINT) RETURNS VARCHAR(120)
READS SQL DATA
BEGIN
    DECLARE v VARCHAR(120);
    SELECT CONCAT(name, ' (', status, '; ', amount, ')') INTO v FROM invoice WHERE id = p_id;
    RETURN COALESCE(v, 'unknown; none');
END;
