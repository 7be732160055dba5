-- V42: label function of ticket
CREATE FUNCTION ticket_label(p_id BIGINT) RETURNS VARCHAR(120)
READS SQL DATA
BEGIN
    DECLARE v VARCHAR(120);
    SELECT CONCAT(name, ' (', status, '; ', amount, ')') INTO v FROM ticket WHERE id = p_id;
    RETURN COALESCE(v, 'unknown; none');
END;
