-- Every load of a city's dataset: when, whether with sample records, and the sha256 of each file read,
-- so that what a database was loaded from can be told later.
create table seed_runs (
  id bigint generated always as identity primary key,
  city text not null,
  loaded_at timestamptz not null default now(),
  demo boolean not null,
  reset boolean not null,
  files jsonb not null
);
create index seed_runs_city on seed_runs (city, loaded_at desc);

-- "The city in figures": every figure the seed document states, with its section and note
-- (datasets/<city>/figures.csv, one row per line, in the file's order).
create table seed_figures (
  id text primary key,
  section text not null,
  year integer,
  value double precision not null,
  unit text not null,
  label_ko text not null,
  label_en text not null,
  quote text not null,
  -- English, as in the dataset: approximations and discrepancies in the source.
  note text,
  sort_order integer not null
);
create index seed_figures_section on seed_figures (section, sort_order);
