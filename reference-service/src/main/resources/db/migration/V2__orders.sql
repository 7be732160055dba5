-- Orders, the example resource. Money is numeric(19,2): exact decimals, never floating point.
CREATE TABLE orders (
    id          uuid          PRIMARY KEY,
    user_id     uuid          NOT NULL REFERENCES users (id), -- keelson:auth
    status      text          NOT NULL CHECK (status IN ('PLACED', 'CANCELLED')),
    currency    char(3)       NOT NULL,
    total       numeric(19,2) NOT NULL CHECK (total >= 0),
    note        text,
    version     integer       NOT NULL DEFAULT 1,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    deleted_at  timestamptz
);
-- keyset pagination: newest first
-- keelson:begin auth
-- per owner, and across owners (admins)
CREATE INDEX orders_user_created_idx ON orders (user_id, created_at DESC, id DESC);
-- keelson:end auth
CREATE INDEX orders_created_idx ON orders (created_at DESC, id DESC);

CREATE TABLE order_lines (
    id          uuid          PRIMARY KEY,
    order_id    uuid          NOT NULL REFERENCES orders (id),
    line_no     integer       NOT NULL,
    product     text          NOT NULL,
    quantity    integer       NOT NULL CHECK (quantity > 0),
    unit_price  numeric(19,2) NOT NULL CHECK (unit_price >= 0),
    line_total  numeric(19,2) NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (order_id, line_no)
);
