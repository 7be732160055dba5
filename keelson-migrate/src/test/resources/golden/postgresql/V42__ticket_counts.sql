-- V42: counts of ticket
CREATE MATERIALIZED VIEW ticket_counts AS
    SELECT status, count(*) AS n, sum(amount) AS total FROM ticket GROUP BY status
WITH DATA;
CREATE UNIQUE INDEX ticket_counts_status_idx ON ticket_counts (status);
