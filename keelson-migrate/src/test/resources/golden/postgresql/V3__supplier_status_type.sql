-- V3: status type of supplier
CREATE TYPE supplier_status AS ENUM ('new', 'active', 'closed');
