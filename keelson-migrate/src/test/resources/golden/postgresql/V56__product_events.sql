-- V56: events of product
CREATE TABLE product_event (
    id bigint NOT NULL,
    product_id bigint NOT NULL,
    at timestamptz NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}'
) PARTITION BY RANGE (at);
CREATE TABLE product_event_2026 PARTITION OF product_event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE product_event_2027 PARTITION OF product_event FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
CREATE INDEX product_event_at_idx ON product_event (at);
