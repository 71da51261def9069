-- Human rights education (seed section 2.4, Table 3): the target groups with their types of class,
-- the participants the seed reports, the population per year (the denominator of coverage), and the
-- programmes and sessions staff record.
-- Calendar dates are ISO text (`YYYY-MM-DD`), not `date`: the drivers turn a `date` into a JavaScript
-- Date at local midnight, which shifts a day in some time zones.

-- The six groups of Table 3, from the dataset (updated in place by a reload: programmes point at them).
create table education_groups (
  code text primary key,
  sort_order integer not null,
  name_ko text not null,
  name_en text not null,
  class_types_ko text not null,
  class_types_en text not null,
  source_section text not null
);

-- Participants by year and group as the seed reports them (Table 3), each tied to its figure.
create table education_reported_participants (
  year integer not null,
  group_code text not null references education_groups (code),
  participants integer not null check (participants >= 0),
  figure_id text not null,
  source_section text not null,
  note text,
  primary key (year, group_code)
);

-- A year's total and coverage as the seed states them (the stated rate is kept beside the computed one).
create table education_reported_years (
  year integer primary key,
  participants integer not null check (participants >= 0),
  participants_figure text not null,
  stated_rate double precision,
  stated_rate_figure text,
  note text
);

-- The population each year's coverage is computed against: from the dataset (with its figure) or
-- entered by staff.
create table education_population (
  year integer primary key,
  population integer not null check (population > 0),
  figure_id text,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

create table education_programmes (
  id text primary key,
  group_code text not null references education_groups (code),
  title_ko text not null,
  title_en text not null,
  summary_ko text,
  summary_en text,
  is_public boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index education_programmes_group on education_programmes (group_code);

-- One class held: its head count, never the attendees' names (no personal data is needed for the
-- city's figures).
create table education_sessions (
  id text primary key,
  programme_id text not null references education_programmes (id),
  held_on text not null check (held_on ~ '^\d{4}-\d{2}-\d{2}$'),
  place text not null,
  instructor text not null,
  participants integer not null check (participants >= 0),
  recorded_by text,
  created_at timestamptz not null default now()
);
create index education_sessions_programme on education_sessions (programme_id, held_on);
create index education_sessions_held_on on education_sessions (held_on);
