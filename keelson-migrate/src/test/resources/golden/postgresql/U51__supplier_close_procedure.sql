-- U51: close procedure of supplier
DROP PROCEDURE supplier_close_old(integer);
