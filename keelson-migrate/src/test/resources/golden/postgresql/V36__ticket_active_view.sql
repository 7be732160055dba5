-- V36: active view of ticket
CREATE VIEW ticket_active AS
    SELECT id, name, amount FROM ticket WHERE status = 'active';
