-- U6: ticket table of ticket
DROP TABLE ticket;
