-- U35: active view of shipment
DROP VIEW shipment_active;
