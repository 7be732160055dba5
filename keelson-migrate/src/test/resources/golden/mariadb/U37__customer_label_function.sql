-- U37: label function of customer
DROP FUNCTION customer_label;
