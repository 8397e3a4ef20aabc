-- CrmKit on PostgreSQL: service operations. Conventions as in 0001_customers.sql.

-- A care task whose contact attempts ran out (or found a wrong number) closes as unreachable; a
-- task withdrawn to make room under the frequency cap for a higher-priority one is recorded as a
-- displaced suppression.
ALTER TABLE care_tasks DROP CONSTRAINT care_tasks_status;
ALTER TABLE care_tasks ADD CONSTRAINT care_tasks_status CHECK (status IN ('Open', 'Done', 'Declined', 'Expired', 'Withdrawn', 'Unreachable'));
ALTER TABLE care_suppressions DROP CONSTRAINT care_suppressions_reason;
ALTER TABLE care_suppressions ADD CONSTRAINT care_suppressions_reason CHECK (reason IN
    ('OptedOut', 'NoConsent', 'FrequencyCap', 'OccasionClosed', 'ClosedLoop', 'Displaced'));

-- Contact attempts on care tasks and cases: appended, never changed (a merge moves them to the
-- survivor, an erasure drops their notes). Exactly one of task_id and case_id is set.
CREATE SEQUENCE contact_attempt_id AS bigint MINVALUE 1 START WITH 1;
CREATE TABLE contact_attempts (
    customer_code    text        NOT NULL,
    id               bigint      NOT NULL DEFAULT nextval('contact_attempt_id'),
    task_id          bigint,
    case_id          bigint,
    channel          text        NOT NULL,
    attempted_at     timestamptz NOT NULL,
    attempted_offset utc_offset  NOT NULL,
    outcome          text        NOT NULL,
    actor            text        NOT NULL,
    callback_at      timestamptz,
    callback_offset  utc_offset,
    note             text,
    CONSTRAINT contact_attempts_pkey PRIMARY KEY (customer_code, id),
    CONSTRAINT contact_attempts_subject CHECK ((task_id IS NULL) <> (case_id IS NULL)),
    CONSTRAINT contact_attempts_outcome CHECK (outcome IN ('Reached', 'NoAnswer', 'Busy', 'WrongNumber', 'CallbackRequested')),
    CONSTRAINT contact_attempts_callback CHECK ((callback_at IS NULL) = (callback_offset IS NULL))
);
CREATE UNIQUE INDEX contact_attempts_id ON contact_attempts (id);
CREATE INDEX contact_attempts_task ON contact_attempts (task_id) WHERE task_id IS NOT NULL;
CREATE INDEX contact_attempts_case ON contact_attempts (case_id) WHERE case_id IS NOT NULL;
-- Contact success over a period.
CREATE INDEX contact_attempts_at ON contact_attempts (attempted_at);

-- Who held a customer (task_id null) or a care task, change by change. Cases keep their owner
-- changes in their own history.
CREATE SEQUENCE owner_change_id AS bigint MINVALUE 1 START WITH 1;
CREATE TABLE owner_changes (
    customer_code  text        NOT NULL,
    id             bigint      NOT NULL DEFAULT nextval('owner_change_id'),
    task_id        bigint,
    kind           text        NOT NULL,
    from_owner     text,
    to_owner       text,
    changed_at     timestamptz NOT NULL,
    changed_offset utc_offset  NOT NULL,
    actor          text        NOT NULL,
    note           text,
    CONSTRAINT owner_changes_pkey PRIMARY KEY (customer_code, id),
    CONSTRAINT owner_changes_kind CHECK (kind IN ('Routed', 'Claimed', 'Assigned', 'Transferred', 'Reassigned', 'Updated'))
);
CREATE UNIQUE INDEX owner_changes_id ON owner_changes (id);
CREATE INDEX owner_changes_task ON owner_changes (task_id) WHERE task_id IS NOT NULL;
