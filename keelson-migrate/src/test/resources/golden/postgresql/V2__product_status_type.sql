-- V2: status type of product
CREATE TYPE product_status AS ENUM ('new', 'active', 'closed');
