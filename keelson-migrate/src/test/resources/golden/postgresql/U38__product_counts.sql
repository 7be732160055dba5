-- U38: counts of product
DROP MATERIALIZED VIEW product_counts;
