-- U48: events of ticket
DROP TABLE ticket_event;
