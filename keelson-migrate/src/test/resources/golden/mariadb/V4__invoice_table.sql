-- V4: invoice table of invoice
CREATE TABLE invoice (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name varchar(100) NOT NULL,
    status ENUM('new', 'active', 'closed') NOT NULL DEFAULT 'new',
    tags SET('red', 'green', 'blue') NOT NULL DEFAULT '',
    note varchar(200),
    code varchar(20),
    amount decimal(12, 2) NOT NULL DEFAULT 0,
    due_on date NOT NULL DEFAULT (CURRENT_DATE + INTERVAL 30 DAY),
    paid_at datetime(3),
    vat_rate decimal(4, 3) NOT NULL DEFAULT 0.190,
    created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at datetime(3) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='The invoices: café, naïve, 日本';
