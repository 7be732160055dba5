-- V8: product table of product
CREATE TABLE product (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    status product_status NOT NULL DEFAULT 'new',
    note text,
    code text,
    amount numeric(12, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
    sku char(12),
    weight_grams integer CHECK (weight_grams > 0),
    dimensions jsonb NOT NULL DEFAULT '{"w": 0, "h": 0}',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz
);
COMMENT ON TABLE product IS 'The products; ''product'' rows are never deleted, only closed';
