-- U81: product link of supplier
ALTER TABLE supplier DROP FOREIGN KEY supplier_product_fk;
ALTER TABLE supplier DROP INDEX supplier_product_fk, DROP COLUMN product_id;
