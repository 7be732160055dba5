-- V81: product link of supplier
ALTER TABLE supplier ADD COLUMN product_id bigint REFERENCES product (id);
CREATE INDEX supplier_product_id_idx ON supplier (product_id);
