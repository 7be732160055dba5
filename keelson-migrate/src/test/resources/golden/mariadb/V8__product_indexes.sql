-- V8: indexes of product
CREATE INDEX product_created_at_idx ON product (created_at);
CREATE UNIQUE INDEX product_name_idx ON product (name);
CREATE INDEX product_sku_idx ON product (sku);
