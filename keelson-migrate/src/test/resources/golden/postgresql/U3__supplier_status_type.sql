-- U3: status type of supplier
DROP TYPE supplier_status;
