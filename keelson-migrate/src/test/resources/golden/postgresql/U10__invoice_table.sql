-- U10: invoice table of invoice
DROP TABLE invoice;
