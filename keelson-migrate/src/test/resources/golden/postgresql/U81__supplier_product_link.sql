-- U81: product link of supplier
DROP INDEX supplier_product_id_idx;
ALTER TABLE supplier DROP COLUMN product_id;
