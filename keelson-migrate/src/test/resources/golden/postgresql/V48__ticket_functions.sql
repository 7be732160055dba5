-- V48: functions of ticket
CREATE FUNCTION ticket_count_by_status(s ticket_status) RETURNS bigint
    LANGUAGE sql STABLE AS 'SELECT count(*) FROM ticket WHERE status = s';
CREATE FUNCTION ticket_label(p_id bigint) RETURNS text LANGUAGE plpgsql STABLE AS $body$
DECLARE
    v text;
BEGIN
    SELECT format('%s (%s)', name, status) INTO v FROM ticket WHERE id = p_id;
    RETURN coalesce(v, $q$unknown; none$q$);
END
$body$;
