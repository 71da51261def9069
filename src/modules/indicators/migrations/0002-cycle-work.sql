-- The work of each year's cycle (Table 2): targets and plans per indicator, comments on entered
-- values, the self-assessment per area, the committee's comments on the report, complementation
-- actions, and corrections of a closed year's values (the old value is kept beside the new one).

-- Why a value differs much from last year's: asked for by the form when the change passes the
-- indicator's threshold.
alter table indicators_observations add column comment text;

create table indicators_targets (
  year integer not null references indicators_cycles (year),
  indicator_id integer not null references indicators_indicators (id),
  target_value double precision,
  target_year integer,
  plan text not null,
  version integer not null default 1,
  updated_by uuid,
  updated_at timestamptz not null default now(),
  primary key (year, indicator_id)
);

create table indicators_assessments (
  year integer not null references indicators_cycles (year),
  area_code text not null references indicators_areas (code),
  score integer not null check (score between 1 and 5),
  narrative text not null,
  version integer not null default 1,
  updated_by uuid,
  updated_at timestamptz not null default now(),
  primary key (year, area_code)
);

create table indicators_report_comments (
  id serial primary key,
  year integer not null references indicators_cycles (year),
  body text not null,
  author_id uuid not null,
  created_at timestamptz not null default now()
);
create index indicators_report_comments_year on indicators_report_comments (year, id);

create table indicators_actions (
  id serial primary key,
  year integer not null references indicators_cycles (year),
  indicator_id integer not null references indicators_indicators (id),
  description text not null,
  owner_department text not null,
  due_date date not null,
  status text not null check (status in ('planned', 'in_progress', 'done')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index indicators_actions_year on indicators_actions (year, id);

create table indicators_corrections (
  id serial primary key,
  indicator_id integer not null references indicators_indicators (id),
  breakdown_id integer not null references indicators_breakdowns (id),
  year integer not null,
  old_value numeric,
  new_value numeric not null,
  reason text not null,
  corrected_by uuid not null,
  corrected_at timestamptz not null default now()
);
create index indicators_corrections_indicator on indicators_corrections (indicator_id, year);

-- Qualitative indicators' questionnaires: one per indicator and year, answered anonymously through
-- its link (the token) or entered by staff from paper. A response keeps no one's identity, address or
-- IP; free-text answers are read by staff only.
create table indicators_questionnaires (
  id serial primary key,
  year integer not null references indicators_cycles (year),
  indicator_id integer not null references indicators_indicators (id),
  token text not null unique,
  title_ko text not null,
  title_en text not null,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  unique (year, indicator_id)
);

create table indicators_questions (
  id serial primary key,
  questionnaire_id integer not null references indicators_questionnaires (id),
  position integer not null,
  kind text not null check (kind in ('likert', 'single', 'multiple', 'text')),
  prompt_ko text not null,
  prompt_en text not null,
  options jsonb not null default '[]',
  unique (questionnaire_id, position)
);

create table indicators_responses (
  id serial primary key,
  questionnaire_id integer not null references indicators_questionnaires (id),
  source text not null check (source in ('public', 'staff')),
  created_at timestamptz not null default now()
);
create index indicators_responses_questionnaire on indicators_responses (questionnaire_id);

-- likert: the score 1–5; single: the option's index; multiple: an array of indices; text: a string.
create table indicators_answers (
  response_id integer not null references indicators_responses (id),
  question_id integer not null references indicators_questions (id),
  value jsonb not null,
  primary key (response_id, question_id)
);
