-- U9: supplier table of supplier
DROP TABLE supplier;
