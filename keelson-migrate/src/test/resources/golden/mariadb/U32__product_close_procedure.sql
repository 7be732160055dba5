-- U32: close procedure of product
DROP PROCEDURE product_close_old;
