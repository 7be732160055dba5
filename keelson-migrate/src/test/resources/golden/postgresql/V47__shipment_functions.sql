-- V47: functions of shipment
CREATE FUNCTION shipment_count_by_status(s shipment_status) RETURNS bigint
    LANGUAGE sql STABLE AS 'SELECT count(*) FROM shipment WHERE status = s';
CREATE FUNCTION shipment_label(p_id bigint) RETURNS text LANGUAGE plpgsql STABLE AS $body$
DECLARE
    v text;
BEGIN
    SELECT format('%s (%s)', name, status) INTO v FROM shipment WHERE id = p_id;
    RETURN coalesce(v, $q$unknown; none$q$);
END
$body$;
