-- U30: active view of ticket
DROP VIEW ticket_active;
