-- V55: events of customer
CREATE TABLE customer_event (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    at timestamptz NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}'
) PARTITION BY RANGE (at);
CREATE TABLE customer_event_2026 PARTITION OF customer_event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE customer_event_2027 PARTITION OF customer_event FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
CREATE INDEX customer_event_at_idx ON customer_event (at);
