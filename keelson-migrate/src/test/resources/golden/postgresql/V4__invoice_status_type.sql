-- V4: status type of invoice
CREATE TYPE invoice_status AS ENUM ('new', 'active', 'closed');
