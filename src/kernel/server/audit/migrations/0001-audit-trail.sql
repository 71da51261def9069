-- The audit trail: one row per change, append-only, each row's hash covering the previous row's hash,
-- so that an edited or deleted row breaks the chain and `rightscity audit verify` finds it.
create table audit_trail (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  actor_id text,
  ip text,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  before jsonb,
  after jsonb,
  prev_hash text not null,
  hash text not null
);

-- Reads of confidential records (complainants, victims, witnesses): who read which record, when, why.
create table audit_access_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id text not null,
  ip text,
  entity_type text not null,
  entity_id text not null,
  reason text not null
);
create index audit_access_log_entity on audit_access_log (entity_type, entity_id);

-- Append-only: the application never updates or deletes these rows; a trigger makes sure nobody does
-- by accident. (A database superuser can still disable it: that is what the hash chain is for.)
create function audit_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit tables are append-only (% on %)', tg_op, tg_table_name;
end $$;
create trigger audit_trail_append_only before update or delete on audit_trail
  for each row execute function audit_refuse_change();
create trigger audit_access_log_append_only before update or delete on audit_access_log
  for each row execute function audit_refuse_change();
