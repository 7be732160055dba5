-- U38: label function of product
DROP FUNCTION product_label;
