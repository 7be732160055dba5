-- V51: close procedure of supplier
CREATE PROCEDURE supplier_close_old(days integer)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE supplier SET status = 'closed' WHERE created_at < now() - make_interval(days => days);
END
$$;
