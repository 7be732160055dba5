-- U37: counts of customer
DROP MATERIALIZED VIEW customer_counts;
