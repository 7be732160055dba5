-- V81: product link of supplier
ALTER TABLE supplier ADD COLUMN product_id bigint NULL,
    ADD CONSTRAINT supplier_product_fk FOREIGN KEY (product_id) REFERENCES product (id);
