-- U2: product table of product
DROP TABLE product;
