-- V39: counts of supplier
CREATE MATERIALIZED VIEW supplier_counts AS
    SELECT status, count(*) AS n, sum(amount) AS total FROM supplier GROUP BY status
WITH DATA;
CREATE UNIQUE INDEX supplier_counts_status_idx ON supplier_counts (status);
