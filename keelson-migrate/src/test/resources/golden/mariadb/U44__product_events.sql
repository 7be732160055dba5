-- U44: events of product
DROP TABLE product_event;
