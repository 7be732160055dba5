-- U31: active view of customer
DROP VIEW customer_active;
