-- U6: status type of ticket
DROP TYPE ticket_status;
