-- V46: functions of invoice
CREATE FUNCTION invoice_count_by_status(s invoice_status) RETURNS bigint
    LANGUAGE sql STABLE AS 'SELECT count(*) FROM invoice WHERE status = s';
CREATE FUNCTION invoice_label(p_id bigint) RETURNS text LANGUAGE plpgsql STABLE AS $body$
DECLARE
    v text;
BEGIN
    SELECT format('%s (%s)', name, status) INTO v FROM invoice WHERE id = p_id;
    RETURN coalesce(v, $q$unknown; none$q$);
END
$body$;
