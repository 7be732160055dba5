-- U20: touch trigger of product
DROP TRIGGER product_touch;
