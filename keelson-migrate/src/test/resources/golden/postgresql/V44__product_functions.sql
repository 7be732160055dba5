-- V44: functions of product
CREATE FUNCTION product_count_by_status(s product_status) RETURNS bigint
    LANGUAGE sql STABLE AS 'SELECT count(*) FROM product WHERE status = s';
CREATE FUNCTION product_label(p_id bigint) RETURNS text LANGUAGE plpgsql STABLE AS $body$
DECLARE
    v text;
BEGIN
    SELECT format('%s (%s)', name, status) INTO v FROM product WHERE id = p_id;
    RETURN coalesce(v, $q$unknown; none$q$);
END
$body$;
