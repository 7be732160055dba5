-- U35: close procedure of shipment
DROP PROCEDURE shipment_close_old;
