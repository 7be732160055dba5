-- U39: label function of supplier
DROP FUNCTION supplier_label;
