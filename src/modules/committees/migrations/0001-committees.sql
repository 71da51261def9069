-- Committees, joint meetings and roundtables (seed sections 2.1–2.3): bodies and their rules, members
-- and terms, meetings with agendas, attendance, minutes and decisions, recommendations to departments
-- and their answers, and the public's registrations for roundtables.
-- Calendar dates are ISO text (`YYYY-MM-DD`), as in the other modules: the drivers would turn a `date`
-- into a JavaScript Date at local midnight.

create table committees_bodies (
  id text primary key check (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  kind text not null check (kind in ('committee', 'subcommittee', 'joint_meeting', 'roundtable')),
  parent_id text references committees_bodies (id),
  name_ko text not null,
  name_en text not null,
  description_ko text not null default '',
  description_en text not null default '',
  since_year integer,
  seats integer check (seats > 0),
  term_years integer check (term_years > 0),
  meetings_per_year integer check (meetings_per_year >= 0),
  -- Members present needed for a quorum; null means more than half of the members seated.
  quorum integer check (quorum > 0),
  -- The institutions that organise the body's meetings in turn (roundtables): [{ "ko": …, "en": … }].
  organisers jsonb not null default '[]',
  is_public boolean not null default false,
  -- Counts the seed document states for the body (e.g. 69 meetings in 7 years), with the figure ids.
  historical_meetings integer,
  historical_years integer,
  historical_source text,
  is_sample boolean not null default false,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

create table committees_members (
  id text primary key,
  body_id text not null references committees_bodies (id),
  name text not null,
  position text not null check (position in ('co_chair', 'chair', 'vice_chair', 'member')),
  recommended_by text not null default '',
  term_start text not null check (term_start ~ '^\d{4}-\d{2}-\d{2}$'),
  term_end text not null check (term_end ~ '^\d{4}-\d{2}-\d{2}$' and term_end >= term_start),
  gender text not null check (gender in ('female', 'male', 'other', 'undisclosed')),
  sector text not null check (sector in ('civil_society', 'expert', 'activist', 'council', 'city', 'other')),
  is_sample boolean not null default false,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);
create index committees_members_body on committees_members (body_id, term_end);

create table committees_meetings (
  id text primary key,
  body_id text not null references committees_bodies (id),
  kind text not null check (kind in ('regular', 'extraordinary', 'subcommittee', 'workshop', 'roundtable')),
  title text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  place text,
  online_url text,
  organiser text,
  is_public boolean not null default false,
  agenda_published boolean not null default false,
  -- Seats for the public (roundtables); null takes no registrations.
  capacity integer check (capacity >= 0),
  cancelled boolean not null default false,
  minutes text not null default '',
  minutes_status text not null default 'none' check (minutes_status in ('none', 'draft', 'approved', 'published')),
  is_sample boolean not null default false,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);
create index committees_meetings_body on committees_meetings (body_id, starts_at);

create table committees_agenda_items (
  id text primary key,
  meeting_id text not null references committees_meetings (id) on delete cascade,
  position integer not null,
  title text not null,
  summary text not null default '',
  -- Linked documents: [{ "title": …, "url": … }].
  documents jsonb not null default '[]'
);
create index committees_agenda_items_meeting on committees_agenda_items (meeting_id, position);

create table committees_attendance (
  meeting_id text not null references committees_meetings (id) on delete cascade,
  member_id text not null references committees_members (id),
  present boolean not null,
  primary key (meeting_id, member_id)
);

create table committees_comments (
  id text primary key,
  meeting_id text not null references committees_meetings (id) on delete cascade,
  author_id text not null,
  body text not null,
  created_at timestamptz not null default now()
);

create table committees_decisions (
  id text primary key,
  meeting_id text not null references committees_meetings (id) on delete cascade,
  text text not null,
  created_at timestamptz not null default now()
);

create table committees_recommendations (
  id text primary key,
  decision_id text not null references committees_decisions (id) on delete cascade,
  department_code text not null,
  body text not null,
  response text check (response in ('accepted', 'partly_accepted', 'rejected')),
  response_reason text,
  implementation text,
  -- Open until the department's answer closes it: a rejection, or a report of full implementation.
  closed_at timestamptz,
  answered_at timestamptz,
  created_at timestamptz not null default now(),
  version integer not null default 1
);
create index committees_recommendations_department on committees_recommendations (department_code, closed_at);

create table committees_registrations (
  id text primary key,
  meeting_id text not null references committees_meetings (id) on delete cascade,
  -- Name and contact (AES-256-GCM); null once erased after the retention period.
  name_enc text,
  contact_enc text,
  status text not null check (status in ('confirmed', 'waiting', 'cancelled')),
  -- sha256 of the cancellation token handed to the registrant (never the token itself).
  token_hash text not null unique,
  seq bigserial,
  created_at timestamptz not null default now(),
  cancelled_at timestamptz,
  erased_at timestamptz
);
create index committees_registrations_meeting on committees_registrations (meeting_id, status, seq);
