-- U36: close procedure of ticket
DROP PROCEDURE ticket_close_old;
