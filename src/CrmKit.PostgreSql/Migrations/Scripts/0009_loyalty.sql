-- CrmKit on PostgreSQL: loyalty points ledgers and referrals.

-- One row per ledger entry. A customer's entries are numbered from 1 without gaps; the key keeps
-- two writers from appending the same number (the customer's row is locked first anyway). The
-- customer code leads the key, as in every table about one customer.
CREATE TABLE ledger_entries (
    customer_code    text     NOT NULL,
    sequence         bigint   NOT NULL,
    kind             text     NOT NULL,
    points           bigint   NOT NULL,
    happened_at      timestamptz NOT NULL,
    happened_offset  smallint NOT NULL,
    source_kind      text     NOT NULL,
    source_reference text     NOT NULL,
    actor            text     NOT NULL,
    rule             text,
    note             text,
    CONSTRAINT ledger_entries_pkey PRIMARY KEY (customer_code, sequence)
);

-- One row per referred customer: a customer is referred once.
CREATE TABLE referrals (
    referred_code   text     NOT NULL,
    referrer_code   text     NOT NULL,
    referred_at     timestamptz NOT NULL,
    referred_offset smallint NOT NULL,
    staff           text,
    CONSTRAINT referrals_pkey PRIMARY KEY (referred_code)
);
CREATE INDEX referrals_referrer ON referrals (referrer_code);
