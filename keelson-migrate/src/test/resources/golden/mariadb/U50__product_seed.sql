-- U50: seed of product
DELETE FROM product WHERE name IN ('first product', 'second product', 'O''Brien product');
