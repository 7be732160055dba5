-- U46: functions of invoice
DROP FUNCTION invoice_label(bigint);
DROP FUNCTION invoice_count_by_status(invoice_status);
