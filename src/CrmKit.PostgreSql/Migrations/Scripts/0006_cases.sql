-- CrmKit on PostgreSQL: service cases.

-- One row per case, the whole case (history, escalations, resolutions) in its JSON form, with
-- the columns queues and look-ups select on beside it. The customer code leads the key, as in
-- every table about one customer, so a sharded (Citus) schema keeps a customer's cases on its shard.
CREATE SEQUENCE case_id AS bigint MINVALUE 1 START WITH 1;
CREATE TABLE cases (
    customer_code text    NOT NULL,
    id            bigint  NOT NULL DEFAULT nextval('case_id'),
    owner         text,
    active        boolean NOT NULL,
    changes       integer NOT NULL,
    body          jsonb   NOT NULL,
    CONSTRAINT cases_pkey PRIMARY KEY (customer_code, id)
);
CREATE UNIQUE INDEX cases_id ON cases (id);
CREATE INDEX cases_owner ON cases (owner, id) WHERE owner IS NOT NULL;
