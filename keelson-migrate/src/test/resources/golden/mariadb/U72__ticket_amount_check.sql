-- U72: amount check of ticket
ALTER TABLE ticket DROP CONSTRAINT ticket_amount_positive;
