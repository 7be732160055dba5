-- U3: supplier table of supplier
DROP TABLE supplier;
