-- U56: events of product
DROP TABLE product_event;
