-- V45: events of supplier
CREATE TABLE supplier_event (
    id bigint NOT NULL,
    supplier_id bigint NOT NULL,
    happened_on date NOT NULL,
    payload json,
    PRIMARY KEY (id, happened_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
PARTITION BY RANGE (YEAR(happened_on)) (
    PARTITION p2026 VALUES LESS THAN (2027),
    PARTITION p2027 VALUES LESS THAN (2028),
    PARTITION pmax VALUES LESS THAN MAXVALUE
);
