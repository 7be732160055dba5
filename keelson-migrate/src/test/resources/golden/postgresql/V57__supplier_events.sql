-- V57: events of supplier
CREATE TABLE supplier_event (
    id bigint NOT NULL,
    supplier_id bigint NOT NULL,
    at timestamptz NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}'
) PARTITION BY RANGE (at);
CREATE TABLE supplier_event_2026 PARTITION OF supplier_event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE supplier_event_2027 PARTITION OF supplier_event FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
CREATE INDEX supplier_event_at_idx ON supplier_event (at);
