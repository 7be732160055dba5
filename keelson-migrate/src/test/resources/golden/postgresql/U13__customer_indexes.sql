-- U13: indexes of customer
DROP INDEX customer_email_idx;
DROP INDEX customer_lower_name_idx;
DROP INDEX customer_created_at_idx;
