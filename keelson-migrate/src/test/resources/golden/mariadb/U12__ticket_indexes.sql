-- U12: indexes of ticket
DROP INDEX ticket_priority_idx ON ticket;
DROP INDEX ticket_name_idx ON ticket;
DROP INDEX ticket_created_at_idx ON ticket;
