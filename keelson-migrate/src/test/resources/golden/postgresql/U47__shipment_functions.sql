-- U47: functions of shipment
DROP FUNCTION shipment_label(bigint);
DROP FUNCTION shipment_count_by_status(shipment_status);
