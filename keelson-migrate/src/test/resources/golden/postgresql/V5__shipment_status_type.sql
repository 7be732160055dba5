-- V5: status type of shipment
CREATE TYPE shipment_status AS ENUM ('new', 'active', 'closed');
