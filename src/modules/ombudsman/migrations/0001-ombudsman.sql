-- The human rights ombudsman: counselling, complaints and own-motion cases, their workflow,
-- recommendations to departments, and the published annual figures.
-- Calendar dates are ISO text (`YYYY-MM-DD`), not `date`: the drivers turn a `date` into a JavaScript
-- Date at local midnight, which shifts a day in some time zones; text compares and casts just as well.

-- Who is an ombudsman, and whether standing, is data managed by the Human Rights Office: the
-- `ombudsman` role alone grants no access to identities (only standing, or assigned to the case).
create table ombudsman_members (
  user_id text primary key references accounts_users (id),
  standing boolean not null,
  appointed_on text not null check (appointed_on ~ '^\d{4}-\d{2}-\d{2}$'),
  term_ends_on text check (term_ends_on ~ '^\d{4}-\d{2}-\d{2}$'),
  expertise text not null default '',
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

-- Receipt numbers run per year (`2026-000123`); one row per year, locked while it is incremented.
create table ombudsman_receipt_counters (
  year integer primary key,
  last integer not null
);

create table ombudsman_cases (
  id text primary key,
  receipt_number text unique,
  -- HMAC of the tracking code (never the code itself); null for own-motion cases.
  tracking_hash text,
  origin text not null check (origin in ('complaint', 'own_motion')),
  channel text not null check (channel in ('online', 'phone', 'visit', 'letter', 'outreach', 'own_motion')),
  status text not null,
  anonymous boolean not null default false,
  on_behalf boolean not null default false,
  -- Complainant, victim and witnesses (names and contacts) as one AES-256-GCM field; null when
  -- anonymous, own-motion or pseudonymised.
  identity_enc text,
  respondent text not null,
  respondent_type text not null default 'other',
  summary text not null,
  description text not null,
  occurred_on text check (occurred_on ~ '^\d{4}-\d{2}-\d{2}$'),
  occurred_place text,
  rights text[] not null default '{}',
  consent_at timestamptz,
  -- The outcome of each stage, typed.
  assessment_reason text,
  referred_to text,
  decision text,
  closed_reason text,
  received_at timestamptz not null default now(),
  assessed_at timestamptz,
  decided_at timestamptz,
  closed_at timestamptz,
  pseudonymised_at timestamptz,
  updated_at timestamptz not null default now(),
  -- Search: two-character grams of the searchable text (never identity), indexed with GIN so that a
  -- two-syllable Korean word is found through the index; `search_text` rechecks the candidates.
  search_text text not null,
  search_grams text[] not null,
  version integer not null default 1
);
create index ombudsman_cases_status on ombudsman_cases (status);
create index ombudsman_cases_received on ombudsman_cases (received_at);
create index ombudsman_cases_grams on ombudsman_cases using gin (search_grams);

create table ombudsman_assignments (
  case_id text not null references ombudsman_cases (id),
  user_id text not null references ombudsman_members (user_id),
  assigned_at timestamptz not null default now(),
  primary key (case_id, user_id)
);
create index ombudsman_assignments_user on ombudsman_assignments (user_id);

-- The case's timeline: every step, who took it and when (the audit trail holds the same with
-- before/after; this is what the case file shows).
create table ombudsman_events (
  id bigint generated always as identity primary key,
  case_id text not null references ombudsman_cases (id),
  at timestamptz not null default now(),
  actor_id text,
  action text not null,
  from_status text,
  to_status text not null,
  note text
);
create index ombudsman_events_case on ombudsman_events (case_id, id);

create table ombudsman_notes (
  id bigint generated always as identity primary key,
  case_id text not null references ombudsman_cases (id),
  author_id text not null,
  body text not null,
  created_at timestamptz not null default now()
);
create index ombudsman_notes_case on ombudsman_notes (case_id);

-- A request for information to a department; the case's clocks pause while one is open.
create table ombudsman_info_requests (
  id text primary key,
  case_id text not null references ombudsman_cases (id),
  department_code text not null,
  question text not null,
  due_on text not null check (due_on ~ '^\d{4}-\d{2}-\d{2}$'),
  requested_at timestamptz not null default now(),
  answer text,
  answered_at timestamptz
);
create index ombudsman_info_requests_case on ombudsman_info_requests (case_id);
create index ombudsman_info_requests_department on ombudsman_info_requests (department_code);

create table ombudsman_recommendations (
  id text primary key,
  case_id text not null references ombudsman_cases (id),
  department_code text not null,
  body text not null,
  created_at timestamptz not null default now(),
  issued_at timestamptz,
  due_on text check (due_on ~ '^\d{4}-\d{2}-\d{2}$'),
  response text check (response in ('accepted', 'partly_accepted', 'rejected')),
  response_reason text,
  implementation_evidence text,
  implemented boolean not null default false,
  responded_at timestamptz
);
create index ombudsman_recommendations_case on ombudsman_recommendations (case_id);
create index ombudsman_recommendations_department on ombudsman_recommendations (department_code);

-- Attachments of a complaint, encrypted in the database rather than on disk, so that backups include
-- them and any app server can serve them. `data_enc` is the kernel's field encryption (AES-256-GCM)
-- of the file's base64: one scheme and one key for every confidential value, at the cost of a third
-- more space for files of at most 10 MB.
create table ombudsman_attachments (
  id text primary key,
  case_id text not null references ombudsman_cases (id),
  content_type text not null,
  size_bytes integer not null,
  data_enc text not null,
  created_at timestamptz not null default now()
);
create index ombudsman_attachments_case on ombudsman_attachments (case_id);

-- Counselling sessions, which may never become a case; no identity is kept.
create table ombudsman_counselling (
  id text primary key,
  held_on text not null check (held_on ~ '^\d{4}-\d{2}-\d{2}$'),
  channel text not null check (channel in ('visit', 'phone', 'online', 'outreach')),
  topic text not null,
  rights text[] not null default '{}',
  outcome text not null check (outcome in ('advice_given', 'referred', 'complaint_filed')),
  created_by text not null,
  created_at timestamptz not null default now()
);
create index ombudsman_counselling_held on ombudsman_counselling (held_on);

-- The deadline clocks per stage, in days, as changed by staff; a stage without a row has the default
-- in `deadline-settings.ts` (rows are not inserted here: a freshly migrated database must be empty for
-- a restore to accept it).
create table ombudsman_settings (
  key text primary key,
  days integer not null check (days > 0),
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

-- Failed status lookups by client address, shared by every app server (guessing tracking codes).
create table ombudsman_status_failures (
  key text not null,
  failed_at timestamptz not null default now()
);
create index ombudsman_status_failures_key on ombudsman_status_failures (key, failed_at);

-- The office's published annual figures (from the dataset), before the platform kept its records.
create table ombudsman_annual (
  year integer primary key,
  counselling_sessions integer,
  cases_registered integer,
  source_section text not null,
  note text
);
