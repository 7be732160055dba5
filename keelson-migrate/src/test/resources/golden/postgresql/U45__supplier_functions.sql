-- U45: functions of supplier
DROP FUNCTION supplier_label(bigint);
DROP FUNCTION supplier_count_by_status(supplier_status);
