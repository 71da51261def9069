-- The local SDG agenda (seed section 3.1, Tables 6 and 7), the Human Rights Cities Agenda 2030 with
-- the city's self-assessment (section 3.2), and the network of cities that exchange public feeds.
-- Links between a local agenda and the UN goals are tags in the kernel's `vocab_tags` (module `sdg`,
-- record type `agenda`); `un_sdgs` below only keeps the order and wording in which Table 7 prints them.

-- The phases of the local agenda: Agenda 21 I–IV (Table 6) and the 5th Agenda (Table 7).
create table sdg_phases (
  phase integer primary key,
  name_ko text not null,
  name_en text not null,
  start_year integer not null,
  end_year integer not null,
  source_table text not null,
  -- The counts Table 6 states ("33/5"); null for the 5th Agenda, whose table states none.
  stated_agendas integer,
  stated_areas integer
);

create table sdg_phase_systems (
  phase integer not null references sdg_phases (phase),
  position integer not null,
  name_ko text not null,
  name_en text not null,
  primary key (phase, position)
);

create table sdg_areas (
  phase integer not null references sdg_phases (phase),
  code text not null,
  position integer not null,
  name_ko text not null,
  name_en text not null,
  -- The agenda count Table 6 gives in brackets; null for the 5th Agenda's areas.
  stated_agendas integer,
  primary key (phase, code)
);

-- The 5th Agenda's 17 agendas (Table 7).
create table sdg_agendas (
  phase integer not null references sdg_phases (phase),
  number integer not null,
  area_code text not null,
  name_ko text not null,
  name_en text not null,
  tasks integer not null,
  indicators integer not null,
  -- Table 7's "UN SDGs" cell, goal by goal, as printed: [{"goal": 12, "label": "12 Responsible …"}].
  un_sdgs jsonb not null,
  primary key (phase, number),
  foreign key (phase, area_code) references sdg_areas (phase, code)
);

-- The draft Agenda 2030's framework: seven categories of a human rights city × four components.
create table sdg_a2030_categories (
  code text primary key,
  position integer not null,
  name_ko text not null,
  name_en text not null
);

create table sdg_a2030_components (
  code text primary key,
  position integer not null,
  name_ko text not null,
  name_en text not null,
  description_ko text not null,
  description_en text not null
);

-- A self-assessment of the city on that framework, one per year; public once published.
create table sdg_assessments (
  year integer primary key,
  published_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One cell of the matrix: the assessor's rating and narrative. Created with the assessment (all 28),
-- so that every edit carries a version.
create table sdg_assessment_cells (
  year integer not null references sdg_assessments (year) on delete cascade,
  category text not null references sdg_a2030_categories (code),
  component text not null references sdg_a2030_components (code),
  rating text check (rating in ('none', 'initial', 'developing', 'established', 'advanced')),
  narrative_ko text not null default '',
  narrative_en text not null default '',
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  primary key (year, category, component)
);

-- The platform records that support a cell. Title and path are copied when the officer picks the
-- record, as vocab_tags does, so that the matrix (and the network feed) reads them without knowing
-- the module that owns the record.
create table sdg_assessment_evidence (
  year integer not null,
  category text not null,
  component text not null,
  position integer not null,
  module text not null,
  record_type text not null,
  record_id text not null,
  title_ko text not null,
  title_en text not null,
  path text not null,
  primary key (year, category, component, position),
  foreign key (year, category, component) references sdg_assessment_cells (year, category, component)
    on delete cascade
);

-- Peer cities, by the base URL of their instance, with the last feed that passed every check.
create table sdg_network_peers (
  id serial primary key,
  base_url text not null unique,
  added_at timestamptz not null default now(),
  added_by uuid
);

create table sdg_network_feeds (
  peer_id integer primary key references sdg_network_peers (id) on delete cascade,
  feed jsonb not null,
  fetched_at timestamptz not null default now()
);
