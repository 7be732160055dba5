-- V38: counts of product
CREATE MATERIALIZED VIEW product_counts AS
    SELECT status, count(*) AS n, sum(amount) AS total FROM product GROUP BY status
WITH DATA;
CREATE UNIQUE INDEX product_counts_status_idx ON product_counts (status);
