-- U31: close procedure of customer
DROP PROCEDURE customer_close_old;
