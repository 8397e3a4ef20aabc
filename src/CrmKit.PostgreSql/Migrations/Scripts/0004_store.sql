-- CrmKit on PostgreSQL, version 2: what the store needs on top of version 1's tables.

-- A task moved to a survivor by a merge, when the survivor already has a task for the same
-- occasion and channel, keeps its history marked with the merged code ('' for every other
-- task). The occasion constraint includes the mark, so it still allows one unmarked task per
-- customer, occasion and channel, ever, whichever host sweeps.
ALTER TABLE care_tasks ADD COLUMN merged_from text NOT NULL DEFAULT '';
ALTER TABLE care_tasks DROP CONSTRAINT care_tasks_occasion;
ALTER TABLE care_tasks ADD CONSTRAINT care_tasks_occasion UNIQUE (customer_code, occasion_key, channel, merged_from);
-- The engine's dedup key, spelled as the engine spells it (CareKeys), for look-ups by key.
ALTER TABLE care_tasks ADD COLUMN dedup_key text GENERATED ALWAYS AS (
    customer_code || E'\x1f' || occasion_key || E'\x1f' || channel
    || CASE WHEN merged_from = '' THEN '' ELSE E'\x1fmerged-from\x1f' || merged_from END) STORED;
CREATE INDEX care_tasks_dedup_key ON care_tasks (dedup_key);

-- Look-ups by id alone (a task by id, an interaction rewritten by id), and pages in id order.
CREATE INDEX care_tasks_id ON care_tasks (id);
CREATE INDEX care_tasks_status ON care_tasks (status, id);
CREATE INDEX interactions_id ON interactions (id);
CREATE INDEX stage_changes_id ON stage_changes (id);
