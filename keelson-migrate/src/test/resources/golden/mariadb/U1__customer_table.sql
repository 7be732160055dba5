-- U1: customer table of customer
DROP TABLE customer;
