-- V49: close procedure of customer
CREATE PROCEDURE customer_close_old(days integer)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customer SET status = 'closed' WHERE created_at < now() - make_interval(days => days);
END
$$;
