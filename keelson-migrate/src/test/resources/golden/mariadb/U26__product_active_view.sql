-- U26: active view of product
DROP VIEW product_active;
