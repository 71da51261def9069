-- The shared vocabularies, in one table of terms. One table rather than one per vocabulary: every
-- vocabulary needs the same things (a code, a parent, names and descriptions in both languages, an
-- order, the seed section it comes from), and tags can then reference any term with one foreign key.
-- What only one vocabulary has (a department's headcount, a charter article's number, an SDG target's
-- goal) lives in `data`.
create table vocab_terms (
  vocabulary text not null,
  code text not null,
  -- A parent in the same vocabulary (a division's bureau).
  parent_code text,
  -- Null where no Korean name exists yet (SDG targets); the API falls back to English and says so.
  name_ko text,
  name_en text not null,
  description_ko text,
  description_en text,
  data jsonb not null default '{}',
  sort_order integer not null default 0,
  source_section text,
  -- Loaded by `seed --demo` for trying the UI; never real data.
  is_sample boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (vocabulary, code),
  foreign key (vocabulary, parent_code) references vocab_terms (vocabulary, code)
);

-- Which record of which module carries which term. The record's title, path and visibility are copied
-- here (the module keeps them current through setTags), so that a term's page lists every public record
-- tagged with it, across modules, in one indexed query that knows no module.
create table vocab_tags (
  vocabulary text not null,
  term_code text not null,
  module text not null,
  record_type text not null,
  record_id text not null,
  is_public boolean not null,
  is_sample boolean not null default false,
  title_ko text not null,
  title_en text not null,
  path text not null,
  updated_at timestamptz not null default now(),
  primary key (vocabulary, term_code, module, record_type, record_id),
  foreign key (vocabulary, term_code) references vocab_terms (vocabulary, code)
);
create index vocab_tags_record on vocab_tags (module, record_type, record_id);
