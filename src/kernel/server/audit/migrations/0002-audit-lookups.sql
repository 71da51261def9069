-- The audit API pages newest first by id, filtered by record or by actor: these indexes serve those
-- reads without scanning a trail that only grows.
create index audit_trail_entity on audit_trail (entity_type, entity_id, id);
create index audit_trail_actor on audit_trail (actor_id, id);
create index audit_access_log_actor on audit_access_log (actor_id, id);

-- An access record without a reason is no record of why personal data was read.
alter table audit_access_log add constraint audit_access_log_reason check (btrim(reason) <> '');
