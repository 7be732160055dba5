-- V37: counts of customer
CREATE MATERIALIZED VIEW customer_counts AS
    SELECT status, count(*) AS n, sum(amount) AS total FROM customer GROUP BY status
WITH DATA;
CREATE UNIQUE INDEX customer_counts_status_idx ON customer_counts (status);
