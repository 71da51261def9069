-- The register of recommendations: one row per recommendation whatever issued it (the ombudsman, a
-- committee, the Joint Meeting, the Roundtable, an impact assessment, a UN body), the departments it
-- is addressed to (each answers its own part), and the events of its life for the public timeline.
-- Calendar dates are ISO text (`YYYY-MM-DD`), not `date` (see the ombudsman's migration for why).
-- A historical recommendation (loaded from the dataset) has no date, due dates or answers: the seed
-- states none, so they stay null and are shown as "not recorded".

create table recommendations_records (
  id text primary key,
  source_kind text not null
    check (source_kind in ('ombudsman', 'committee', 'joint_meeting', 'roundtable', 'assessment', 'un')),
  source_reference text not null,
  -- For a historical record: the words of the seed that show it, and the seed's section.
  source_citation text,
  source_section text,
  -- The dataset's key of a historical record, so that a reload updates it in place.
  seed_code text unique,
  -- The dataset's order of historical records (the seed's order), which have no date to sort by.
  seed_order integer,
  text_ko text not null,
  text_en text not null,
  issued_on text check (issued_on ~ '^\d{4}-\d{2}-\d{2}$'),
  answer_due text check (answer_due ~ '^\d{4}-\d{2}-\d{2}$'),
  implementation_due text check (implementation_due ~ '^\d{4}-\d{2}-\d{2}$'),
  historical boolean not null default false,
  is_public boolean not null default false,
  status text not null default 'issued'
    check (status in ('issued', 'answered', 'implementing', 'implemented', 'closed')),
  closed_reason text
    check (closed_reason in ('not_accepted', 'superseded', 'withdrawn', 'no_longer_applicable')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'closed') = (closed_reason is not null)),
  check (historical or issued_on is not null)
);
create index recommendations_records_public on recommendations_records (is_public, status);

create table recommendations_departments (
  recommendation_id text not null references recommendations_records (id) on delete cascade,
  department_code text not null,
  answer text check (answer in ('accepted', 'partly_accepted', 'not_accepted')),
  reasons text,
  answered_at timestamptz,
  answered_by text,
  primary key (recommendation_id, department_code),
  check ((answer is null) = (answered_at is null))
);
create index recommendations_departments_code on recommendations_departments (department_code);

-- The timeline: who did what is in the audit trail; the events keep what the public may read.
create table recommendations_events (
  id bigint generated always as identity primary key,
  recommendation_id text not null references recommendations_records (id) on delete cascade,
  action text not null,
  from_status text,
  to_status text not null,
  department_code text,
  answer text,
  reason text,
  note text,
  at timestamptz not null default now()
);
create index recommendations_events_record on recommendations_events (recommendation_id, id);
