-- U40: counts of invoice
DROP MATERIALIZED VIEW invoice_counts;
