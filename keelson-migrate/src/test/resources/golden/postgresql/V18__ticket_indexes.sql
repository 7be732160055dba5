-- V18: indexes of ticket
CREATE INDEX ticket_created_at_idx ON ticket (created_at);
CREATE UNIQUE INDEX ticket_lower_name_idx ON ticket (lower(name)) WHERE status <> 'closed';
CREATE INDEX ticket_priority_idx ON ticket (priority);
