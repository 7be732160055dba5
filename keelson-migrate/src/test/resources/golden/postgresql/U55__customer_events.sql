-- U55: events of customer
DROP TABLE customer_event;
