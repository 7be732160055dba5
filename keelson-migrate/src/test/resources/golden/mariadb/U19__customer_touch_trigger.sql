-- U19: touch trigger of customer
DROP TRIGGER customer_touch;
