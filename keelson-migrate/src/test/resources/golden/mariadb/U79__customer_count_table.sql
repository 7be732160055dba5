-- U79: count table of customer
DROP TABLE Count;
