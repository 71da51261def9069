-- The human rights basic plans and the annual action plan (seed sections 1.1 and 1.3): plans and
-- their areas from the dataset; policy tasks (nested), progress reports per reporting period with
-- every revision kept, the admin-defined status list, committee comments and the office's answers.
-- Calendar dates are ISO text (`YYYY-MM-DD`), as in the other modules: a driver turns a `date` into a
-- JavaScript Date at local midnight.

create table plan_basic_plans (
  code text primary key,
  edition integer not null unique,
  name_ko text not null,
  name_en text not null,
  start_year integer not null,
  end_year integer not null check (end_year >= start_year),
  -- Year and month the plan was established (`2017-11`), as the seed dates it.
  established text not null check (established ~ '^\d{4}-\d{2}$'),
  basis_ko text not null,
  basis_en text not null,
  source_section text not null,
  note text
);

create table plan_areas (
  code text primary key,
  basic_plan text not null references plan_basic_plans (code),
  number integer not null,
  name_ko text not null,
  name_en text not null,
  source_section text not null,
  note text,
  unique (basic_plan, number)
);

-- Which figures of `seed_figures` a plan states (its task count, its area count, its edition).
create table plan_figures (
  basic_plan text not null references plan_basic_plans (code),
  key text not null,
  figure_id text not null,
  primary key (basic_plan, key)
);

-- Overrides of the default status list (the defaults live in code); each status carries the progress
-- it stands for, as in Decidim's accountability component.
create table plan_statuses (
  code text primary key,
  name_ko text not null,
  name_en text not null,
  progress integer not null check (progress between 0 and 100),
  sort_order integer not null,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

-- Per action-plan year: how many reporting periods (4 = quarterly, the default when no row exists)
-- and the office's yearly review the committee comments on.
create table plan_years (
  year integer primary key,
  periods_per_year integer not null default 4 check (periods_per_year in (1, 2, 4, 12)),
  review_ko text,
  review_en text,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

create table plan_tasks (
  id serial primary key,
  year integer not null,
  code text not null,
  parent_id integer references plan_tasks (id),
  area_code text references plan_areas (code),
  title_ko text not null,
  title_en text not null,
  description_ko text,
  description_en text,
  lead_department text not null,
  cooperating_departments text[] not null default '{}',
  budget_planned bigint check (budget_planned >= 0),
  target_ko text,
  target_en text,
  weight double precision not null default 1 check (weight > 0),
  -- [{ "date": "YYYY-MM-DD", "ko": "…", "en": "…" }]
  milestones jsonb not null default '[]',
  indicator_codes text[] not null default '{}',
  is_public boolean not null default true,
  is_sample boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (year, code)
);
create index plan_tasks_parent on plan_tasks (parent_id);
create index plan_tasks_lead on plan_tasks (year, lead_department);

-- One row per revision: a returned report stays as it was, and the resubmission is the next revision.
create table plan_reports (
  id serial primary key,
  task_id integer not null references plan_tasks (id) on delete cascade,
  period text not null,
  revision integer not null,
  state text not null check (state in ('submitted', 'accepted', 'returned')),
  status_code text not null,
  -- The status's progress when the report was made: a later change of the list rewrites no history.
  progress integer not null check (progress between 0 and 100),
  narrative text not null,
  budget_executed bigint check (budget_executed >= 0),
  next_steps text,
  evidence_links text[] not null default '{}',
  submitted_by text references accounts_users (id),
  submitted_at timestamptz not null default now(),
  reviewed_by text references accounts_users (id),
  reviewed_at timestamptz,
  review_comment text,
  unique (task_id, period, revision)
);
create index plan_reports_task on plan_reports (task_id, period);

-- Committee comments on a task or on a year's review, and the office's answers (`answer_to`).
create table plan_comments (
  id serial primary key,
  task_id integer references plan_tasks (id) on delete cascade,
  year integer,
  answer_to integer references plan_comments (id) on delete cascade,
  author_id text references accounts_users (id),
  author_role text not null,
  body text not null,
  created_at timestamptz not null default now(),
  check ((task_id is null) <> (year is null))
);
create index plan_comments_task on plan_comments (task_id);
