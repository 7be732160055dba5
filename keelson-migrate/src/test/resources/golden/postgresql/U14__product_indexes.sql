-- U14: indexes of product
DROP INDEX product_sku_idx;
DROP INDEX product_lower_name_idx;
DROP INDEX product_created_at_idx;
