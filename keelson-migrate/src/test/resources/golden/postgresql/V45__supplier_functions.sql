-- V45: functions of supplier
CREATE FUNCTION supplier_count_by_status(s supplier_status) RETURNS bigint
    LANGUAGE sql STABLE AS 'SELECT count(*) FROM supplier WHERE status = s';
CREATE FUNCTION supplier_label(p_id bigint) RETURNS text LANGUAGE plpgsql STABLE AS $body$
DECLARE
    v text;
BEGIN
    SELECT format('%s (%s)', name, status) INTO v FROM supplier WHERE id = p_id;
    RETURN coalesce(v, $q$unknown; none$q$);
END
$body$;
