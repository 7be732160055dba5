-- V52: close procedure of invoice
CREATE PROCEDURE invoice_close_old(days integer)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE invoice SET status = 'closed' WHERE created_at < now() - make_interval(days => days);
END
$$;
