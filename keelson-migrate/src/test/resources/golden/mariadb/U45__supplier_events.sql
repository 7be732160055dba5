-- U45: events of supplier
DROP TABLE supplier_event;
