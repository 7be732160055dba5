-- U43: events of customer
DROP TABLE customer_event;
