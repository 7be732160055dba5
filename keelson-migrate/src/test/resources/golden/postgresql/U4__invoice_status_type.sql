-- U4: status type of invoice
DROP TYPE invoice_status;
