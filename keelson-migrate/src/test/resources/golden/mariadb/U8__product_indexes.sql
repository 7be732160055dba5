-- U8: indexes of product
DROP INDEX product_sku_idx ON product;
DROP INDEX product_name_idx ON product;
DROP INDEX product_created_at_idx ON product;
