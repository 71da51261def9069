-- The human rights indicators (seed section 1.5): areas and indicators from the dataset, observations
-- in long form, and the yearly assessment cycle (Table 2).

create table indicators_areas (
  code text primary key,
  number integer not null unique,
  name_ko text not null,
  name_en text not null,
  -- The count Table 1 states; the catalogue holds only the indicators the table names.
  stated_count integer not null,
  source_section text not null
);

-- Which figures of `seed_figures` describe the whole set (100 indicators, 18 tasks, 50/50).
create table indicators_set_figures (
  key text primary key,
  figure_id text not null
);

create table indicators_indicators (
  id serial primary key,
  code text not null unique,
  area_code text not null references indicators_areas (code),
  name_ko text not null,
  name_en text not null,
  source_section text,
  ohchr_type text check (ohchr_type in ('structural', 'process', 'outcome')),
  kind text check (kind in ('quantitative', 'qualitative')),
  status text check (status in ('achieved', 'being_pursued')),
  task jsonb,
  unit jsonb,
  numerator jsonb,
  denominator jsonb,
  direction text check (direction in ('increase', 'decrease')),
  data_source jsonb,
  periodicity text check (periodicity in ('annual', 'biennial', 'irregular')),
  responsible_department text,
  baseline_year integer,
  baseline_value double precision,
  target_year integer,
  target_value double precision,
  min_value double precision,
  max_value double precision,
  change_threshold_percent double precision,
  disaggregations text[] not null default '{}',
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

-- One row per combination of series, unit, geo code and disaggregation values an indicator's data
-- uses; observations point at it, so a million observations do not repeat their dimensions.
create table indicators_breakdowns (
  id serial primary key,
  indicator_id integer not null references indicators_indicators (id),
  series text,
  unit text,
  geo_code text,
  dimensions jsonb not null default '{}',
  key text not null,
  unique (indicator_id, key)
);

-- Long form: one value per breakdown and year. Reads take only current rows (`superseded_at` null), so
-- that a later version can be added beside an old one that is kept. No foreign keys here: a key check per row would dominate a
-- million-row import, and the only writer (the import command) takes both ids from rows it
-- has just read or written in the same transaction; indicators and breakdowns are never deleted.
create table indicators_observations (
  indicator_id integer not null,
  breakdown_id integer not null,
  year integer not null,
  value numeric not null,
  version integer not null default 1,
  recorded_by uuid,
  recorded_at timestamptz not null default now(),
  superseded_at timestamptz
);
create unique index indicators_observations_current on indicators_observations (breakdown_id, year)
  where superseded_at is null;
create index indicators_observations_indicator_year on indicators_observations (indicator_id, year);

create table indicators_cycles (
  year integer primary key,
  step text not null check (
    step in ('targets', 'collection', 'assessment', 'report', 'complementation', 'results', 'closed')
  ),
  opened_at timestamptz not null default now(),
  closed_at timestamptz,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

create table indicators_cycle_events (
  id serial primary key,
  year integer not null references indicators_cycles (year),
  action text not null,
  from_step text,
  to_step text not null,
  actor_id uuid,
  at timestamptz not null default now()
);
