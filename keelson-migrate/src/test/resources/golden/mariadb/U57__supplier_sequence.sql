-- U57: sequence of supplier
DROP SEQUENCE supplier_ref_seq;
