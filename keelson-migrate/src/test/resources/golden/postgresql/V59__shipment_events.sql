-- V59: events of shipment
CREATE TABLE shipment_event (
    id bigint NOT NULL,
    shipment_id bigint NOT NULL,
    at timestamptz NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}'
) PARTITION BY RANGE (at);
CREATE TABLE shipment_event_2026 PARTITION OF shipment_event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE shipment_event_2027 PARTITION OF shipment_event FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
CREATE INDEX shipment_event_at_idx ON shipment_event (at);
