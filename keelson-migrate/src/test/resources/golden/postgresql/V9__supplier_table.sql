-- V9: supplier table of supplier
CREATE TABLE supplier (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    status supplier_status NOT NULL DEFAULT 'new',
    note text,
    code text,
    amount numeric(12, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
    country char(2) NOT NULL DEFAULT 'DE',
    rating real,
    website text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz
);
COMMENT ON TABLE supplier IS 'The suppliers; ''supplier'' rows are never deleted, only closed';
