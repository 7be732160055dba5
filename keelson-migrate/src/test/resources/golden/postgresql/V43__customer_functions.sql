-- V43: functions of customer
CREATE FUNCTION customer_count_by_status(s customer_status) RETURNS bigint
    LANGUAGE sql STABLE AS 'SELECT count(*) FROM customer WHERE status = s';
CREATE FUNCTION customer_label(p_id bigint) RETURNS text LANGUAGE plpgsql STABLE AS $body$
DECLARE
    v text;
BEGIN
    SELECT format('%s (%s)', name, status) INTO v FROM customer WHERE id = p_id;
    RETURN coalesce(v, $q$unknown; none$q$);
END
$body$;
