-- V6: status type of ticket
CREATE TYPE ticket_status AS ENUM ('new', 'active', 'closed');
