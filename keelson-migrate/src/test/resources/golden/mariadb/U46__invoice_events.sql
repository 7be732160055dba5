-- U46: events of invoice
DROP TABLE invoice_event;
