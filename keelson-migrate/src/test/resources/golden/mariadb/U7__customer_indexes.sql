-- U7: indexes of customer
DROP INDEX customer_email_idx ON customer;
DROP INDEX customer_name_idx ON customer;
DROP INDEX customer_created_at_idx ON customer;
