-- U21: touch trigger of supplier
DROP TRIGGER supplier_touch;
