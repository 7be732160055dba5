-- U42: counts of ticket
DROP MATERIALIZED VIEW ticket_counts;
