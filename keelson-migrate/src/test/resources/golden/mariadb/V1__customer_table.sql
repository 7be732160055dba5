-- V1: customer table of customer
CREATE TABLE customer (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name varchar(100) NOT NULL,
    status ENUM('new', 'active', 'closed') NOT NULL DEFAULT 'new',
    tags SET('red', 'green', 'blue') NOT NULL DEFAULT '',
    note varchar(200),
    code varchar(20),
    amount decimal(12, 2) NOT NULL DEFAULT 0,
    email varchar(320),
    birthday date,
    marketing_opt_in tinyint(1) NOT NULL DEFAULT 0,
    created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at datetime(3) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='The customers: café, naïve, 日本';
