-- U41: counts of shipment
DROP MATERIALIZED VIEW shipment_counts;
