-- U59: sequence of shipment
DROP SEQUENCE shipment_ref_seq;
