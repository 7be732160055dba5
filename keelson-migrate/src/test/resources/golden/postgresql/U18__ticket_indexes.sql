-- U18: indexes of ticket
DROP INDEX ticket_priority_idx;
DROP INDEX ticket_lower_name_idx;
DROP INDEX ticket_created_at_idx;
