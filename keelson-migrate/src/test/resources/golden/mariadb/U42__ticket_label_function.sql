-- U42: label function of ticket
DROP FUNCTION ticket_label;
