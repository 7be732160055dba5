-- U4: invoice table of invoice
DROP TABLE invoice;
