-- V12: ticket table of ticket
CREATE TABLE ticket (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    status ticket_status NOT NULL DEFAULT 'new',
    note text,
    code text,
    amount numeric(12, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
    priority smallint NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
    labels text[] NOT NULL DEFAULT '{}',
    body text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz
);
COMMENT ON TABLE ticket IS 'The tickets; ''ticket'' rows are never deleted, only closed';
