-- U8: product table of product
DROP TABLE product;
