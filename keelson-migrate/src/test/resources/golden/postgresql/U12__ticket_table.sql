-- U12: ticket table of ticket
DROP TABLE ticket;
