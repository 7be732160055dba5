-- V60: events of ticket
CREATE TABLE ticket_event (
    id bigint NOT NULL,
    ticket_id bigint NOT NULL,
    at timestamptz NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}'
) PARTITION BY RANGE (at);
CREATE TABLE ticket_event_2026 PARTITION OF ticket_event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE ticket_event_2027 PARTITION OF ticket_event FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
CREATE INDEX ticket_event_at_idx ON ticket_event (at);
