-- V50: close procedure of product
CREATE PROCEDURE product_close_old(days integer)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE product SET status = 'closed' WHERE created_at < now() - make_interval(days => days);
END
$$;
