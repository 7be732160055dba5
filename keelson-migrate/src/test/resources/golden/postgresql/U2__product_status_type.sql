-- U2: status type of product
DROP TYPE product_status;
