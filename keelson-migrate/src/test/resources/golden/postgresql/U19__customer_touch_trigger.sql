-- U19: touch trigger of customer
DROP TRIGGER customer_touch ON customer;
DROP FUNCTION customer_touch();
