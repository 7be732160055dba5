-- U39: counts of supplier
DROP MATERIALIZED VIEW supplier_counts;
