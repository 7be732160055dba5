-- V12: indexes of ticket
CREATE INDEX ticket_created_at_idx ON ticket (created_at);
CREATE UNIQUE INDEX ticket_name_idx ON ticket (name);
CREATE INDEX ticket_priority_idx ON ticket (priority);
