-- V10: invoice table of invoice
CREATE TABLE invoice (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    status invoice_status NOT NULL DEFAULT 'new',
    note text,
    code text,
    amount numeric(12, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
    due_on date NOT NULL DEFAULT (current_date + 30),
    paid_at timestamptz,
    vat_rate numeric(4, 3) NOT NULL DEFAULT 0.19,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz
);
COMMENT ON TABLE invoice IS 'The invoices; ''invoice'' rows are never deleted, only closed';
