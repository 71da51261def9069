-- Grants to human rights organisations and Human Rights Neighbourhoods (seed sections 2.5, 2.6).

-- The published figures of the two programmes (datasets/gwangju/grants-programmes.csv).
create table grants_programmes (
  kind text primary key check (kind in ('collaboration', 'neighbourhood')),
  name_ko text not null,
  name_en text not null,
  since integer not null,
  source_section text not null,
  -- Who funds the programme, as the 360Giving export names it.
  funder text not null,
  annual_budget_usd bigint,
  programmes_per_year integer,
  budget_unchanged_years integer,
  note text
);

-- Table 4 as the seed gives it (datasets/gwangju/grants-neighbourhood-participation.csv).
create table grants_neighbourhood_participation (
  year integer primary key,
  neighbourhoods integer not null,
  support_usd bigint not null,
  -- What the text of 2.6 says for the same year, when it says something (2013: 5, against 3).
  text_neighbourhoods integer,
  note text
);

-- Overrides of the module's settings; the defaults live in code.
create table grants_settings (
  key text primary key,
  value text not null,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

-- An organisation account's profile: one per user with the organisation role.
create table grants_organisations (
  user_id text primary key,
  name text not null,
  registration_number text,
  type text not null check (type in ('nonprofit_corporation', 'nonprofit_organisation', 'neighbourhood_group', 'social_enterprise', 'other')),
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

create table grants_calls (
  id text primary key,
  kind text not null check (kind in ('collaboration', 'neighbourhood')),
  year integer not null,
  title_ko text not null,
  title_en text not null,
  description_ko text not null,
  description_en text not null,
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  budget bigint not null check (budget > 0),
  max_amount bigint not null check (max_amount > 0),
  opens_on text not null check (opens_on ~ '^\d{4}-\d{2}-\d{2}$'),
  closes_on text not null check (closes_on ~ '^\d{4}-\d{2}-\d{2}$' and closes_on >= opens_on),
  requires_registration boolean not null,
  eligible_types text[] not null,
  published boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index grants_calls_year on grants_calls (year desc);

-- The scoring rubric: each criterion is scored 0–5 by each reviewer and weighted.
create table grants_criteria (
  id text primary key,
  call_id text not null references grants_calls (id) on delete cascade,
  position integer not null,
  name_ko text not null,
  name_en text not null,
  weight integer not null check (weight between 1 and 100),
  unique (call_id, position)
);

create table grants_applications (
  id text primary key,
  call_id text not null references grants_calls (id),
  organisation_id text not null references grants_organisations (user_id),
  status text not null check (status in ('draft', 'submitted', 'selected', 'rejected', 'awarded', 'completed')),
  title text not null,
  summary text not null,
  -- The title shown publicly once awarded (an applicant may word it for the public).
  public_title text,
  district text,
  amount_requested bigint not null check (amount_requested >= 0),
  budget_lines jsonb not null default '[]',
  amount_awarded bigint check (amount_awarded > 0),
  submitted_at timestamptz,
  decided_at timestamptz,
  awarded_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index grants_applications_call on grants_applications (call_id, status);
create index grants_applications_organisation on grants_applications (organisation_id);

-- Files sent with an application, encrypted (AES-256-GCM, base64 of the bytes) like the ombudsman's.
create table grants_attachments (
  id text primary key,
  application_id text not null references grants_applications (id),
  content_type text not null,
  size_bytes integer not null,
  data_enc text not null,
  created_at timestamptz not null default now()
);
create index grants_attachments_application on grants_attachments (application_id);

-- Each reviewer's declaration for each application; a conflict excludes the reviewer from scoring it.
create table grants_declarations (
  application_id text not null references grants_applications (id),
  reviewer_id text not null,
  has_conflict boolean not null,
  declared_at timestamptz not null default now(),
  primary key (application_id, reviewer_id)
);

create table grants_scores (
  application_id text not null references grants_applications (id),
  reviewer_id text not null,
  criterion_id text not null references grants_criteria (id),
  score integer not null check (score between 0 and 5),
  scored_at timestamptz not null default now(),
  primary key (application_id, reviewer_id, criterion_id)
);

create table grants_tranches (
  id text primary key,
  application_id text not null references grants_applications (id),
  amount bigint not null check (amount > 0),
  due_on text not null check (due_on ~ '^\d{4}-\d{2}-\d{2}$'),
  paid_on text check (paid_on ~ '^\d{4}-\d{2}-\d{2}$'),
  created_at timestamptz not null default now()
);
create index grants_tranches_application on grants_tranches (application_id);

create table grants_reports (
  id text primary key,
  application_id text not null references grants_applications (id),
  kind text not null check (kind in ('activity', 'final')),
  activity text,
  held_on text not null check (held_on ~ '^\d{4}-\d{2}-\d{2}$'),
  participants integer check (participants >= 0),
  summary text not null,
  created_at timestamptz not null default now()
);
create index grants_reports_application on grants_reports (application_id);
