-- CrmKit on PostgreSQL, version 5: campaigns, their lifecycle, the plan library and assignments.
-- Conventions as in 0001_customers.sql.

-- A campaign's plan is one document in the core's stored form (StoredCampaign.PlanToJson); it is
-- read back through the plan's own checks. The plan never changes once the campaign has left draft.
CREATE TABLE campaigns (
    id          text  NOT NULL,
    plan        jsonb NOT NULL,
    copied_from text,
    CONSTRAINT campaigns_pkey PRIMARY KEY (id)
);

-- Each lifecycle step with who, when and why; appended, never changed.
CREATE TABLE campaign_steps (
    campaign_id text        NOT NULL REFERENCES campaigns (id),
    position    integer     NOT NULL,
    from_status text        CHECK (from_status IN ('Draft', 'Submitted', 'Approved', 'Running', 'Completed', 'Cancelled')),
    to_status   text        NOT NULL CHECK (to_status IN ('Draft', 'Submitted', 'Approved', 'Running', 'Completed', 'Cancelled')),
    taken_at    timestamptz NOT NULL,
    taken_offset utc_offset NOT NULL,
    actor       text        NOT NULL,
    reason      text        NOT NULL,
    CONSTRAINT campaign_steps_pkey PRIMARY KEY (campaign_id, position)
);

-- The plan library.
CREATE TABLE campaign_templates (
    name        text  NOT NULL,
    plan        jsonb NOT NULL,
    description text,
    CONSTRAINT campaign_templates_pkey PRIMARY KEY (name)
);

-- Who is in which arm, recorded before anyone is contacted: one row per customer and campaign,
-- ever, whichever host runs the campaign. A null offer is the holdout.
CREATE TABLE campaign_assignments (
    customer_code   text        NOT NULL,
    campaign_id     text        NOT NULL REFERENCES campaigns (id),
    offer           text,
    assigned_at     timestamptz NOT NULL,
    assigned_offset utc_offset  NOT NULL,
    CONSTRAINT campaign_assignments_pkey PRIMARY KEY (customer_code, campaign_id)
);
CREATE INDEX campaign_assignments_campaign ON campaign_assignments (campaign_id, customer_code COLLATE "C");
