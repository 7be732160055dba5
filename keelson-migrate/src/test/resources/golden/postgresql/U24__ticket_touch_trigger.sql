-- U24: touch trigger of ticket
DROP TRIGGER ticket_touch ON ticket;
DROP FUNCTION ticket_touch();
