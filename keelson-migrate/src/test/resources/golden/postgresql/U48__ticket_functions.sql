-- U48: functions of ticket
DROP FUNCTION ticket_label(bigint);
DROP FUNCTION ticket_count_by_status(ticket_status);
