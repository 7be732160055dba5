-- V7: customer table of customer
CREATE TABLE customer (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    status customer_status NOT NULL DEFAULT 'new',
    note text,
    code text,
    amount numeric(12, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
    email varchar(320),
    birthday date,
    marketing_opt_in boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz
);
COMMENT ON TABLE customer IS 'The customers; ''customer'' rows are never deleted, only closed';
