-- The Gwangju Human Rights Charter (seed section 1.4) and its promotion: the declaration and the
-- seed's own words about it, the publications, and the yearly promotion contest. The charter's
-- articles are the kernel's `rights` vocabulary, entered by admins: they are not repeated here.
-- Calendar dates are ISO text (`YYYY-MM-DD`), not `date` (see the ombudsman's migration for why).

create table charter_declaration (
  id integer primary key check (id = 1),
  declared_on text not null check (declared_on ~ '^\d{4}-\d{2}-\d{2}$'),
  citizens_day_figure text not null,
  world_rank_figure text not null,
  first_in_asia_quote text not null,
  declared_quote text not null,
  source_section text not null
);

create table charter_paragraphs (
  paragraph integer primary key,
  text_ko text not null,
  text_en text not null,
  source_section text not null
);

-- Publications: those the seed names (with its words as `quote`) and those staff add (no source).
create table charter_publications (
  code text primary key,
  title_ko text not null,
  title_en text not null,
  published_year integer,
  description_ko text,
  description_en text,
  quote text,
  source_section text,
  sort_order integer not null default 1000,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

create table charter_contests (
  id text primary key,
  year integer not null unique,
  title_ko text not null,
  title_en text not null,
  theme_ko text,
  theme_en text,
  status text not null check (status in ('open', 'judging', 'closed')),
  exhibition_place text,
  exhibition_from text check (exhibition_from ~ '^\d{4}-\d{2}-\d{2}$'),
  exhibition_to text check (exhibition_to ~ '^\d{4}-\d{2}-\d{2}$'),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- An entry's entrant is personal data: one AES-256-GCM field, shown to the office only, never in
-- public answers, open data or the audit trail.
create table charter_entries (
  id text primary key,
  contest_id text not null references charter_contests (id),
  title text not null,
  category text not null check (category in ('slogan', 'poster', 'video', 'other')),
  entrant_enc text not null,
  score integer check (score between 0 and 100),
  award text check (award in ('grand', 'excellence', 'merit', 'encouragement')),
  exhibited boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index charter_entries_contest on charter_entries (contest_id);
