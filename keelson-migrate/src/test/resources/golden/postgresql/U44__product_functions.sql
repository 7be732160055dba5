-- U44: functions of product
DROP FUNCTION product_label(bigint);
DROP FUNCTION product_count_by_status(product_status);
