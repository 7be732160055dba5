-- U56: sequence of product
DROP SEQUENCE product_ref_seq;
