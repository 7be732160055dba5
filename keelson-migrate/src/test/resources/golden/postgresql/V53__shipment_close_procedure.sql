-- V53: close procedure of shipment
CREATE PROCEDURE shipment_close_old(days integer)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE shipment SET status = 'closed' WHERE created_at < now() - make_interval(days => days);
END
$$;
