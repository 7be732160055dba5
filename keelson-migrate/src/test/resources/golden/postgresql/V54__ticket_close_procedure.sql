-- V54: close procedure of ticket
CREATE PROCEDURE ticket_close_old(days integer)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ticket SET status = 'closed' WHERE created_at < now() - make_interval(days => days);
END
$$;
