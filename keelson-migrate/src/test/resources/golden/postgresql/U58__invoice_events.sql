-- U58: events of invoice
DROP TABLE invoice_event;
