-- U53: close procedure of shipment
DROP PROCEDURE shipment_close_old(integer);
