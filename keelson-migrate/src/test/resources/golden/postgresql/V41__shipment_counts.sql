-- V41: counts of shipment
CREATE MATERIALIZED VIEW shipment_counts AS
    SELECT status, count(*) AS n, sum(amount) AS total FROM shipment GROUP BY status
WITH DATA;
CREATE UNIQUE INDEX shipment_counts_status_idx ON shipment_counts (status);
