-- V40: counts of invoice
CREATE MATERIALIZED VIEW invoice_counts AS
    SELECT status, count(*) AS n, sum(amount) AS total FROM invoice GROUP BY status
WITH DATA;
CREATE UNIQUE INDEX invoice_counts_status_idx ON invoice_counts (status);
