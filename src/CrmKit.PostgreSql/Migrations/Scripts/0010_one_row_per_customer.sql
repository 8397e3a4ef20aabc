-- CrmKit on PostgreSQL, version 10: one row per customer, a set-based check that interactions
-- belong to customers, an index for recency, and stable change marks that wait only for the
-- writers of this database.

-- 1. Everything about one customer in its row. Contact points, consents and the per-kind and
--    per-channel stats move from child tables into arrays, so reading a customer (a refresh reads
--    thousands) reads one row and no index per child table, and an append rewrites one row per
--    customer instead of deleting and inserting its child rows. Parallel arrays: element i of
--    each array of a group describes the same item.
--      contact points, in the customer's order:   contact_kinds, contact_values
--      consents, by channel name (ordinal):      consent_channels, consent_granted, consent_at, consent_offsets
--      per-kind stats, by kind name (ordinal):    kind_names, kind_counts, kind_last_at, kind_last_offsets
--                                                 (kind_last_at and its offset are null for a kind with a count and no last instant)
--      per-channel counts, by channel (ordinal):  channel_names, channel_counts
ALTER TABLE customers
    ADD COLUMN contact_kinds     text[]        NOT NULL DEFAULT '{}',
    ADD COLUMN contact_values    text[]        NOT NULL DEFAULT '{}',
    ADD COLUMN consent_channels  text[]        NOT NULL DEFAULT '{}',
    ADD COLUMN consent_granted   boolean[]     NOT NULL DEFAULT '{}',
    ADD COLUMN consent_at        timestamptz[] NOT NULL DEFAULT '{}',
    ADD COLUMN consent_offsets   smallint[]    NOT NULL DEFAULT '{}',
    ADD COLUMN kind_names        text[]        NOT NULL DEFAULT '{}',
    ADD COLUMN kind_counts       integer[]     NOT NULL DEFAULT '{}',
    ADD COLUMN kind_last_at      timestamptz[] NOT NULL DEFAULT '{}',
    ADD COLUMN kind_last_offsets smallint[]    NOT NULL DEFAULT '{}',
    ADD COLUMN channel_names     text[]        NOT NULL DEFAULT '{}',
    ADD COLUMN channel_counts    integer[]     NOT NULL DEFAULT '{}',
    ADD CONSTRAINT customers_contacts CHECK (
        cardinality(contact_values) = cardinality(contact_kinds)
        AND array_position(contact_kinds, NULL) IS NULL AND array_position(contact_values, NULL) IS NULL),
    ADD CONSTRAINT customers_consents CHECK (
        cardinality(consent_granted) = cardinality(consent_channels) AND cardinality(consent_at) = cardinality(consent_channels)
        AND cardinality(consent_offsets) = cardinality(consent_channels)
        AND array_position(consent_channels, NULL) IS NULL AND array_position(consent_granted, NULL) IS NULL
        AND array_position(consent_at, NULL) IS NULL AND array_position(consent_offsets, NULL) IS NULL
        AND -840 <= ALL (consent_offsets) AND 840 >= ALL (consent_offsets)),
    ADD CONSTRAINT customers_kind_stats CHECK (
        cardinality(kind_counts) = cardinality(kind_names) AND cardinality(kind_last_at) = cardinality(kind_names)
        AND cardinality(kind_last_offsets) = cardinality(kind_names)
        AND array_position(kind_names, NULL) IS NULL AND array_position(kind_counts, NULL) IS NULL
        AND array_positions(kind_last_at, NULL) = array_positions(kind_last_offsets, NULL)
        AND -840 <= ALL (kind_last_offsets) AND 840 >= ALL (kind_last_offsets)),
    ADD CONSTRAINT customers_channel_stats CHECK (
        cardinality(channel_counts) = cardinality(channel_names)
        AND array_position(channel_names, NULL) IS NULL AND array_position(channel_counts, NULL) IS NULL);

UPDATE customers c SET
    contact_kinds = coalesce(p.kinds, '{}'), contact_values = coalesce(p.vals, '{}'),
    consent_channels = coalesce(n.channels, '{}'), consent_granted = coalesce(n.granted, '{}'),
    consent_at = coalesce(n.decided_at, '{}'), consent_offsets = coalesce(n.offsets, '{}'),
    kind_names = coalesce(k.kinds, '{}'), kind_counts = coalesce(k.counts, '{}'),
    kind_last_at = coalesce(k.last_at, '{}'), kind_last_offsets = coalesce(k.offsets, '{}'),
    channel_names = coalesce(h.channels, '{}'), channel_counts = coalesce(h.counts, '{}')
FROM customers x
    LEFT JOIN (SELECT customer_code, array_agg(kind ORDER BY position) AS kinds, array_agg(value ORDER BY position) AS vals
        FROM contact_points GROUP BY customer_code) p ON p.customer_code = x.code
    LEFT JOIN (SELECT customer_code, array_agg(channel ORDER BY channel COLLATE "C") AS channels, array_agg(granted ORDER BY channel COLLATE "C") AS granted,
            array_agg(decided_at ORDER BY channel COLLATE "C") AS decided_at, array_agg(decided_offset::smallint ORDER BY channel COLLATE "C") AS offsets
        FROM consents GROUP BY customer_code) n ON n.customer_code = x.code
    LEFT JOIN (SELECT customer_code, array_agg(kind ORDER BY kind COLLATE "C") AS kinds, array_agg(interactions ORDER BY kind COLLATE "C") AS counts,
            array_agg(last_at ORDER BY kind COLLATE "C") AS last_at, array_agg(last_offset::smallint ORDER BY kind COLLATE "C") AS offsets
        FROM customer_kind_stats GROUP BY customer_code) k ON k.customer_code = x.code
    LEFT JOIN (SELECT customer_code, array_agg(channel ORDER BY channel COLLATE "C") AS channels, array_agg(interactions ORDER BY channel COLLATE "C") AS counts
        FROM customer_channel_stats GROUP BY customer_code) h ON h.customer_code = x.code
WHERE c.code = x.code
    AND (p.customer_code IS NOT NULL OR n.customer_code IS NOT NULL OR k.customer_code IS NOT NULL OR h.customer_code IS NOT NULL);

DROP TABLE contact_points, consents, customer_kind_stats, customer_channel_stats;

-- 2. Every interaction belongs to a customer, checked once per statement instead of once per row.
--    A foreign key runs one look-up per inserted row; an append of a thousand interactions for a
--    hundred customers paid for a thousand. The statement trigger below looks each distinct
--    customer up once, locking it FOR KEY SHARE as the foreign key did, so a customer cannot be
--    removed under an insert that has not committed; the row trigger on customers refuses to
--    remove (or recode) a customer that interactions still name. Error code and constraint name
--    are the foreign key's (23503, interactions_customer).
ALTER TABLE interactions DROP CONSTRAINT interactions_customer;

CREATE FUNCTION interactions_check_customers() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    missing text;
BEGIN
    PERFORM 1 FROM customers c WHERE c.code IN (SELECT n.customer_code FROM new_rows n) ORDER BY c.code FOR KEY SHARE;
    SELECT n.customer_code INTO missing FROM (SELECT DISTINCT customer_code FROM new_rows) n
        WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.code = n.customer_code) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "interactions" violates foreign key constraint "interactions_customer"'
            USING ERRCODE = 'foreign_key_violation', TABLE = 'interactions', CONSTRAINT = 'interactions_customer',
                DETAIL = format('Key (customer_code)=(%s) is not present in table "customers".', missing);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER interactions_customer_insert AFTER INSERT ON interactions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interactions_check_customers();
CREATE TRIGGER interactions_customer_update AFTER UPDATE ON interactions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interactions_check_customers();

-- The look-up below sees interactions committed while this statement waited for the customer's
-- row lock only at READ COMMITTED (each statement its own snapshot), so removing a customer is
-- refused at any other isolation level. CrmKit's writes run at READ COMMITTED.
CREATE FUNCTION customers_keep_interactions() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.code = OLD.code THEN
        RETURN NEW;
    END IF;
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'a customer is removed or recoded at READ COMMITTED only, not %', current_setting('transaction_isolation')
            USING ERRCODE = 'feature_not_supported';
    END IF;
    IF EXISTS (SELECT 1 FROM interactions i WHERE i.customer_code = OLD.code) THEN
        RAISE EXCEPTION 'update or delete on table "customers" violates foreign key constraint "interactions_customer" on table "interactions"'
            USING ERRCODE = 'foreign_key_violation', TABLE = 'customers', CONSTRAINT = 'interactions_customer',
                DETAIL = format('Key (code)=(%s) is still referenced from table "interactions".', OLD.code);
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER customers_keep_interactions BEFORE DELETE OR UPDATE OF code ON customers
    FOR EACH ROW EXECUTE FUNCTION customers_keep_interactions();

-- 3. Recency clauses ("days since the last purchase") are bounds on last_purchase_at.
CREATE INDEX customers_last_purchase ON customers (last_purchase_at);

-- 4. The stable change mark waits only for the transactions that drew a change mark and are
--    still running, in this database: nextval takes a RowExclusiveLock on the change_mark
--    sequence and holds it until its transaction ends (pg_locks lists it, fast-path locks
--    included). Version 1 waited for every transaction older than the reader on the whole
--    server, so one long transaction in any database held up every sweep and refresh.
--    The argument stays: a writer that drew a mark up to the one read had taken the lock before
--    the sequence was read, and holds it until it commits or rolls back.
CREATE OR REPLACE FUNCTION stable_change_mark(wait_for interval DEFAULT interval '30 seconds') RETURNS bigint
    LANGUAGE plpgsql VOLATILE SET search_path FROM CURRENT AS $$
DECLARE
    mark bigint;
    here oid;
    sequence oid := 'change_mark'::regclass;
    writers text[];
    pause float8 := 0.001;
    deadline timestamptz := clock_timestamp() + wait_for;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'stable_change_mark() must run at READ COMMITTED, not %', current_setting('transaction_isolation');
    END IF;
    IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
        RAISE EXCEPTION 'stable_change_mark() must run before its transaction writes anything';
    END IF;
    SELECT oid INTO here FROM pg_database WHERE datname = current_database();
    SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO mark FROM change_mark;
    SELECT array_agg(l.virtualtransaction) INTO writers FROM pg_locks l
        WHERE l.locktype = 'relation' AND l.database = here AND l.relation = sequence AND l.mode = 'RowExclusiveLock' AND l.granted
            AND l.pid IS DISTINCT FROM pg_backend_pid();
    WHILE writers IS NOT NULL LOOP
        IF clock_timestamp() > deadline THEN
            RAISE EXCEPTION 'change mark %: a transaction that drew a change mark (%) is still running after %', mark, array_to_string(writers, ', '), wait_for
                USING ERRCODE = 'lock_not_available';
        END IF;
        PERFORM pg_sleep(pause);
        pause := least(pause * 2, 0.05);
        SELECT array_agg(l.virtualtransaction) INTO writers FROM pg_locks l
            WHERE l.locktype = 'relation' AND l.database = here AND l.relation = sequence AND l.mode = 'RowExclusiveLock' AND l.granted
                AND l.virtualtransaction = ANY (writers);
    END LOOP;
    RETURN mark;
END
$$;
