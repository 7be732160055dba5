-- U27: active view of supplier
DROP VIEW supplier_active;
