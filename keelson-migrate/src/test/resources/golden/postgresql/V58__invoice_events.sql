-- V58: events of invoice
CREATE TABLE invoice_event (
    id bigint NOT NULL,
    invoice_id bigint NOT NULL,
    at timestamptz NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}'
) PARTITION BY RANGE (at);
CREATE TABLE invoice_event_2026 PARTITION OF invoice_event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE invoice_event_2027 PARTITION OF invoice_event FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
CREATE INDEX invoice_event_at_idx ON invoice_event (at);
