-- U50: close procedure of product
DROP PROCEDURE product_close_old(integer);
