-- U43: functions of customer
DROP FUNCTION customer_label(bigint);
DROP FUNCTION customer_count_by_status(customer_status);
