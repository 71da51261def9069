-- An appointment grants nothing until a second person confirms it, and stops granting the day after
-- its term ends or at once when withdrawn (see `appointmentInForce` in server/policy.ts). Who proposed,
-- confirmed, ended and withdrew it stays on the row; the reasons are free text and so live here, not
-- in the audit trail.
alter table ombudsman_members add column proposed_by text;
alter table ombudsman_members add column proposed_at timestamptz;
alter table ombudsman_members add column confirmed_by text;
alter table ombudsman_members add column confirmed_at timestamptz;
alter table ombudsman_members add column ended_by text;
alter table ombudsman_members add column ended_at timestamptz;
alter table ombudsman_members add column end_reason text;
alter table ombudsman_members add column withdrawn_by text;
alter table ombudsman_members add column withdrawn_at timestamptz;
alter table ombudsman_members add column withdrawal_reason text;

-- Appointments made before confirmation existed were the office's decision under the rule of their
-- day: they stay in force (an ended term still ends them), and the office can withdraw any of them.
update ombudsman_members set confirmed_at = updated_at;

-- Every grant and change of a grant, for the standing ombudsman's review: who proposed, confirmed,
-- ended or withdrew whose appointment, and what it granted.
create table ombudsman_grants (
  id bigint generated always as identity primary key,
  user_id text not null references accounts_users (id),
  action text not null check (action in ('proposed', 'confirmed', 'ended', 'withdrawn')),
  actor_id text,
  at timestamptz not null default now(),
  standing boolean not null,
  appointed_on text not null,
  term_ends_on text,
  reason text
);
create index ombudsman_grants_user on ombudsman_grants (user_id, id);
