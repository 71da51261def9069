-- Follow-up that lasts, need-to-know reading and kept file names.

-- A department reports implementation of a recommendation as often as it has something to report,
-- until the ombudsman closes the recommendation. The first answer (accept, partly, reject with
-- reasons) stays on the recommendation; these reports come after it.
create table ombudsman_implementation_reports (
  id text primary key,
  recommendation_id text not null references ombudsman_recommendations (id),
  case_id text not null references ombudsman_cases (id),
  author_id text not null,
  body text not null,
  created_at timestamptz not null default now()
);
create index ombudsman_implementation_reports_recommendation
  on ombudsman_implementation_reports (recommendation_id, created_at);

-- A report's evidence, in the kernel's one store of uploaded files (`stored_files`).
create table ombudsman_implementation_files (
  report_id text not null references ombudsman_implementation_reports (id),
  file_id uuid not null references stored_files (id),
  primary key (report_id, file_id)
);

-- Closing a recommendation ends its follow-up: by the standing or an assigned ombudsman, as
-- implemented or not; reports are refused afterwards.
alter table ombudsman_recommendations
  add column closed_at timestamptz,
  add column closed_by text,
  add column closed_outcome text check (closed_outcome in ('implemented', 'not_implemented'));

-- One opening of a case file: the read that is access-logged (with its purpose). The page reloads the
-- file after each step it takes; those reloads name the opening and are not logged again.
create table ombudsman_case_openings (
  id text primary key,
  case_id text not null references ombudsman_cases (id),
  user_id text not null,
  purpose text not null,
  opened_at timestamptz not null default now()
);
create index ombudsman_case_openings_case on ombudsman_case_openings (case_id);

-- An attachment's file name as the complainant sent it, encrypted like every confidential field (a
-- name such as "victim-hong-gildong-injury.jpg" names people); null for files sent before names were kept.
alter table ombudsman_attachments add column name_enc text;
