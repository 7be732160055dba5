-- U1: status type of customer
DROP TYPE customer_status;
