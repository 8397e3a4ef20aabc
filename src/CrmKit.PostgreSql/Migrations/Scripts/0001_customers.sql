-- CrmKit on PostgreSQL, version 1: customers, their interactions and history, and change marks.
--
-- Runs inside one transaction with search_path set to the CrmKit schema, so names here are
-- unqualified. Conventions (see docs/storage.md):
--   * An instant is a timestamptz plus the offset it was recorded with, in minutes east of UTC,
--     in a column named after it (created_at / created_offset).
--   * Money is numeric without a fixed scale, so 12.50 comes back as 12.50.
--   * Enumerations are stored by their C# member names ('Open', 'Household'), checked here.
--   * Every table about one customer carries the customer code and leads its primary key with
--     it: the code is the distribution column when the tables are sharded (Citus).
--   * jsonb only where the shape is open: typed attributes, interaction metadata, segment
--     parameters and settings.

CREATE DOMAIN utc_offset AS smallint CHECK (VALUE BETWEEN -840 AND 840);

-- Change marks: every write that changes what segments and care rules see about a customer
-- stamps it with a mark from this sequence (through next_change_mark). Readers ask for
-- "changed since mark N" and remember stable_change_mark() as their new N.
CREATE SEQUENCE change_mark AS bigint MINVALUE 1 START WITH 1 CACHE 1;

-- A new change mark. The transaction's id is assigned before the mark is drawn, so a reader
-- that waits for every transaction older than itself (stable_change_mark) cannot miss a mark
-- that commits later.
CREATE FUNCTION next_change_mark() RETURNS bigint
    LANGUAGE plpgsql VOLATILE SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM pg_current_xact_id();
    RETURN nextval('change_mark');
END
$$;

-- The highest change mark that is safe to remember as "seen": every transaction that drew a
-- mark up to it has committed or rolled back. Sequences are not transactional, so a mark can
-- become visible after a higher one. This reads the sequence, then takes a transaction id of
-- its own and waits (at most wait_for) until every older transaction has ended: a writer that
-- drew a mark up to the one read had its id before that, so it is among them. Call it as a
-- statement of its own (autocommit, READ COMMITTED), before the snapshot that reads the
-- changes up to the mark it returns.
CREATE FUNCTION stable_change_mark(wait_for interval DEFAULT interval '30 seconds') RETURNS bigint
    LANGUAGE plpgsql VOLATILE SET search_path FROM CURRENT AS $$
DECLARE
    mark bigint;
    me xid8;
    deadline timestamptz := clock_timestamp() + wait_for;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'stable_change_mark() must run at READ COMMITTED, not %', current_setting('transaction_isolation');
    END IF;
    IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
        RAISE EXCEPTION 'stable_change_mark() must run before its transaction writes anything';
    END IF;
    SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO mark FROM change_mark;
    me := pg_current_xact_id();
    WHILE pg_snapshot_xmin(pg_current_snapshot()) < me LOOP
        IF clock_timestamp() > deadline THEN
            RAISE EXCEPTION 'change mark %: a transaction older than % is still running after %', mark, me, wait_for
                USING ERRCODE = 'lock_not_available';
        END IF;
        PERFORM pg_sleep(0.002);
    END LOOP;
    RETURN mark;
END
$$;

-- Settings kept in the database: the configuration it was made with (attribute schema, stage
-- model, purchase and refund kinds, contact policy) and markers such as the last swept mark.
CREATE TABLE meta (
    key   text  NOT NULL,
    value jsonb NOT NULL,
    CONSTRAINT meta_pkey PRIMARY KEY (key)
);

-- One row per customer, with the stats kept incrementally in the same transaction as each
-- interaction write, so a snapshot scan reads one row per customer.
CREATE TABLE customers (
    code                   text        NOT NULL,
    name                   text        NOT NULL,
    owner                  text,
    grade                  text,
    grade_reviewed_at      timestamptz,
    grade_reviewed_offset  utc_offset,
    group_kind             text,
    group_id               text,
    birthday               date,
    time_zone              text,
    stage                  text        NOT NULL,
    stage_since            timestamptz NOT NULL,
    stage_since_offset     utc_offset  NOT NULL,
    tags                   text[]      NOT NULL DEFAULT '{}',
    -- name -> {"t": AttributeType member name, "v": value}; see docs/storage.md for each type.
    attributes             jsonb       NOT NULL DEFAULT '{}',
    -- The domain's equality keys for attribute values (one per value, one per list item).
    attribute_keys         text[]      NOT NULL DEFAULT '{}',
    created_at             timestamptz NOT NULL,
    created_offset         utc_offset  NOT NULL,
    updated_at             timestamptz NOT NULL,
    updated_offset         utc_offset  NOT NULL,
    erased_at              timestamptz,
    erased_offset          utc_offset,
    version                integer     NOT NULL,
    change_mark            bigint      NOT NULL DEFAULT next_change_mark(),
    -- Stats.
    interaction_count      integer     NOT NULL DEFAULT 0,
    purchase_count         integer     NOT NULL DEFAULT 0,
    monetary_total         numeric     NOT NULL DEFAULT 0,
    first_purchase_at      timestamptz,
    first_purchase_offset  utc_offset,
    last_purchase_at       timestamptz,
    last_purchase_offset   utc_offset,
    last_contact_at        timestamptz,
    last_contact_offset    utc_offset,
    CONSTRAINT customers_pkey PRIMARY KEY (code),
    CONSTRAINT customers_group_kind CHECK (group_kind IN ('Household', 'Company')),
    CONSTRAINT customers_group CHECK ((group_kind IS NULL) = (group_id IS NULL)),
    CONSTRAINT customers_grade_reviewed CHECK ((grade_reviewed_at IS NULL) = (grade_reviewed_offset IS NULL)),
    CONSTRAINT customers_erased CHECK ((erased_at IS NULL) = (erased_offset IS NULL)),
    CONSTRAINT customers_first_purchase CHECK ((first_purchase_at IS NULL) = (first_purchase_offset IS NULL)),
    CONSTRAINT customers_last_purchase CHECK ((last_purchase_at IS NULL) = (last_purchase_offset IS NULL)),
    CONSTRAINT customers_last_contact CHECK ((last_contact_at IS NULL) = (last_contact_offset IS NULL))
);
CREATE INDEX customers_tags ON customers USING gin (tags);
CREATE INDEX customers_attribute_keys ON customers USING gin (attribute_keys);
CREATE INDEX customers_stage ON customers (stage);
CREATE INDEX customers_owner ON customers (owner);
CREATE INDEX customers_grade ON customers (grade);
CREATE INDEX customers_group ON customers (group_kind, group_id) WHERE group_id IS NOT NULL;
CREATE INDEX customers_change_mark ON customers (change_mark);

CREATE TABLE contact_points (
    customer_code text     NOT NULL,
    position      smallint NOT NULL,
    kind          text     NOT NULL,
    value         text     NOT NULL,
    CONSTRAINT contact_points_pkey PRIMARY KEY (customer_code, position),
    CONSTRAINT contact_points_customer FOREIGN KEY (customer_code) REFERENCES customers (code) ON DELETE CASCADE
);
-- Finding a customer, or a duplicate, by phone number or e-mail address.
CREATE INDEX contact_points_value ON contact_points (kind, value);

CREATE TABLE consents (
    customer_code  text        NOT NULL,
    channel        text        NOT NULL,
    granted        boolean     NOT NULL,
    decided_at     timestamptz NOT NULL,
    decided_offset utc_offset  NOT NULL,
    CONSTRAINT consents_pkey PRIMARY KEY (customer_code, channel),
    CONSTRAINT consents_customer FOREIGN KEY (customer_code) REFERENCES customers (code) ON DELETE CASCADE
);

-- The per-kind and per-channel parts of the stats (CountsByKind, LastByKind, CountsByChannel).
CREATE TABLE customer_kind_stats (
    customer_code text        NOT NULL,
    kind          text        NOT NULL,
    interactions  integer     NOT NULL,
    last_at       timestamptz,
    last_offset   utc_offset,
    CONSTRAINT customer_kind_stats_pkey PRIMARY KEY (customer_code, kind),
    CONSTRAINT customer_kind_stats_customer FOREIGN KEY (customer_code) REFERENCES customers (code) ON DELETE CASCADE,
    CONSTRAINT customer_kind_stats_last CHECK ((last_at IS NULL) = (last_offset IS NULL))
);

CREATE TABLE customer_channel_stats (
    customer_code text    NOT NULL,
    channel       text    NOT NULL,
    interactions  integer NOT NULL,
    CONSTRAINT customer_channel_stats_pkey PRIMARY KEY (customer_code, channel),
    CONSTRAINT customer_channel_stats_customer FOREIGN KEY (customer_code) REFERENCES customers (code) ON DELETE CASCADE
);

-- The append-only interaction log. The foreign key has no cascade: a customer cannot be
-- removed (merged away) while interactions still point at it, so a merge cannot lose one.
CREATE TABLE interactions (
    customer_code   text        NOT NULL,
    id              bigint      GENERATED BY DEFAULT AS IDENTITY,
    kind            text        NOT NULL,
    channel         text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    occurred_offset utc_offset  NOT NULL,
    amount          numeric,
    outcome         text,
    notes           text,
    staff           text,
    metadata        jsonb       NOT NULL DEFAULT '{}',
    recorded_at     timestamptz NOT NULL,
    recorded_offset utc_offset  NOT NULL,
    CONSTRAINT interactions_pkey PRIMARY KEY (customer_code, id),
    CONSTRAINT interactions_customer FOREIGN KEY (customer_code) REFERENCES customers (code)
);

CREATE TABLE stage_changes (
    customer_code  text        NOT NULL,
    id             bigint      GENERATED BY DEFAULT AS IDENTITY,
    from_stage     text,
    to_stage       text        NOT NULL,
    changed_at     timestamptz NOT NULL,
    changed_offset utc_offset  NOT NULL,
    reason         text        NOT NULL,
    actor          text        NOT NULL,
    merged_from    text,
    CONSTRAINT stage_changes_pkey PRIMARY KEY (customer_code, id),
    CONSTRAINT stage_changes_customer FOREIGN KEY (customer_code) REFERENCES customers (code)
);

-- A code merged into another resolves to its survivor.
CREATE TABLE aliases (
    code          text NOT NULL,
    survivor_code text NOT NULL,
    CONSTRAINT aliases_pkey PRIMARY KEY (code)
);
CREATE INDEX aliases_survivor ON aliases (survivor_code);

CREATE TABLE merges (
    survivor_code       text        NOT NULL,
    id                  bigint      GENERATED BY DEFAULT AS IDENTITY,
    merged_code         text        NOT NULL,
    merged_at           timestamptz NOT NULL,
    merged_offset       utc_offset  NOT NULL,
    actor               text        NOT NULL,
    reason              text        NOT NULL,
    interactions_moved  integer     NOT NULL,
    stage_changes_moved integer     NOT NULL,
    CONSTRAINT merges_pkey PRIMARY KEY (survivor_code, id)
);

-- The change mark of a customer whose row is gone (merged away); a live customer carries its
-- mark in its own row.
CREATE TABLE removed_customers (
    code        text   NOT NULL,
    change_mark bigint NOT NULL DEFAULT next_change_mark(),
    CONSTRAINT removed_customers_pkey PRIMARY KEY (code)
);
CREATE INDEX removed_customers_change_mark ON removed_customers (change_mark);

CREATE TABLE erasures (
    customer_code         text        NOT NULL,
    id                    bigint      GENERATED BY DEFAULT AS IDENTITY,
    erased_at             timestamptz NOT NULL,
    erased_offset         utc_offset  NOT NULL,
    actor                 text        NOT NULL,
    reason                text        NOT NULL,
    interactions_scrubbed integer     NOT NULL,
    CONSTRAINT erasures_pkey PRIMARY KEY (customer_code, id)
);

CREATE TABLE grade_changes (
    customer_code  text        NOT NULL,
    id             bigint      GENERATED BY DEFAULT AS IDENTITY,
    from_grade     text,
    to_grade       text        NOT NULL,
    changed_at     timestamptz NOT NULL,
    changed_offset utc_offset  NOT NULL,
    reason         text        NOT NULL,
    actor          text        NOT NULL,
    is_review      boolean     NOT NULL,
    CONSTRAINT grade_changes_pkey PRIMARY KEY (customer_code, id)
);

-- The latest claim on a customer, in force or run out.
CREATE TABLE claims (
    customer_code  text        NOT NULL,
    salesperson    text        NOT NULL,
    claimed_at     timestamptz NOT NULL,
    claimed_offset utc_offset  NOT NULL,
    until_at       timestamptz NOT NULL,
    until_offset   utc_offset  NOT NULL,
    version        integer     NOT NULL DEFAULT 1,
    CONSTRAINT claims_pkey PRIMARY KEY (customer_code)
);
