-- The World Human Rights Cities Forum: editions by year, the dataset's figures of each edition,
-- the organisations the seed names, the programme, and registrations (name and e-mail encrypted);
-- and the register of UN documents with the platform records that answer them, and the projects.

create table forum_editions (
  year integer primary key check (year between 1990 and 2200),
  starts_on date,
  ends_on date,
  theme_ko text,
  theme_en text,
  capacity integer check (capacity is null or capacity >= 0),
  registration_open boolean not null default false,
  source_section text,
  note text,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  check (starts_on is null or ends_on is null or ends_on >= starts_on),
  check ((theme_ko is null) = (theme_en is null))
);

-- Which figure of `seed_figures` gives each measure of an edition (Table 5, its note, section 2.7).
create table forum_edition_figures (
  year integer not null references forum_editions (year),
  measure text not null,
  figure_id text not null,
  primary key (year, measure)
);

create table forum_organisations (
  id serial primary key,
  year integer not null references forum_editions (year),
  role text not null check (role in ('co-host', 'organiser', 'participant')),
  level text check (level in ('international', 'national', 'local')),
  name_ko text not null,
  name_en text not null,
  source_section text
);

create table forum_sessions (
  id uuid primary key,
  year integer not null references forum_editions (year),
  title_ko text not null,
  title_en text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  languages text[] not null,
  speakers jsonb not null default '[]'::jsonb,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at)
);
create index forum_sessions_year on forum_sessions (year, starts_at);

-- `identity` is the registrant's name and e-mail, encrypted (AES-256-GCM); `email_key` a keyed hash
-- of the e-mail, so that a second registration of one address is refused without storing it in clear.
create table forum_registrations (
  id uuid primary key,
  year integer not null references forum_editions (year),
  identity text not null,
  email_key text not null,
  registered_at timestamptz not null default now(),
  unique (year, email_key)
);

create table forum_un_documents (
  id text primary key,
  symbol text,
  kind text not null check (kind in ('document', 'declaration', 'resolution', 'guidelines', 'agenda')),
  title_ko text not null,
  title_en text not null,
  year integer,
  body_ko text,
  body_en text,
  source_section text,
  quote text,
  note text,
  check ((body_ko is null) = (body_en is null))
);

create table forum_un_links (
  id uuid primary key,
  document_id text not null references forum_un_documents (id),
  module text not null,
  record_type text not null,
  record_id text,
  path text,
  title_ko text not null,
  title_en text not null,
  -- From the dataset (reloaded by `seed --reset`) rather than added by an officer.
  seeded boolean not null default false,
  created_by uuid,
  created_at timestamptz not null default now(),
  check (record_id is not null or path is not null)
);
create index forum_un_links_document on forum_un_links (document_id);

create table forum_projects (
  id text primary key,
  name_ko text not null,
  name_en text not null,
  status text not null check (status in ('proposed', 'planned', 'in_progress', 'completed', 'withdrawn')),
  description_ko text not null,
  description_en text not null,
  source_section text,
  quote text,
  note text
);
