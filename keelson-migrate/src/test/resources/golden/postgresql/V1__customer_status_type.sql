-- V1: status type of customer
CREATE TYPE customer_status AS ENUM ('new', 'active', 'closed');
