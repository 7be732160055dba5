-- U7: customer table of customer
DROP TABLE customer;
