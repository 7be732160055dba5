-- U57: events of supplier
DROP TABLE supplier_event;
