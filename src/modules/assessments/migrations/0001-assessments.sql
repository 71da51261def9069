-- Human rights impact assessment and corporate human rights management (seed sections 1.7, 1.8):
-- versioned checklist templates, the subjects assessed, assessments with their ratings,
-- recommendations, department responses and tracked revisions, and the trainings of the council
-- and the task force.

-- A template version is never changed: editing writes the next version, so an assessment keeps the
-- checklist it was made with. Sections and items are one JSON document per version for that reason.
create table assessments_templates (
  id serial primary key,
  key text not null,
  version integer not null,
  subject_kind text not null check (
    subject_kind in ('ordinance', 'building', 'polling_station', 'event', 'enterprise')
  ),
  title_ko text not null,
  title_en text not null,
  sections jsonb not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  unique (key, version)
);

create table assessments_subjects (
  id serial primary key,
  kind text not null check (kind in ('ordinance', 'building', 'polling_station', 'event', 'enterprise')),
  title text not null,
  department_code text not null,
  details jsonb not null,
  version integer not null default 1,
  created_at timestamptz not null default now()
);

create table assessments_assessments (
  id serial primary key,
  subject_id integer not null references assessments_subjects (id),
  template_id integer not null references assessments_templates (id),
  year integer not null,
  step text not null check (
    step in ('requested', 'scoping', 'assessment', 'recommendations', 'response', 'revision', 'closed')
  ),
  scope text not null default '',
  summary text not null default '',
  requested_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz
);
create index assessments_assessments_subject on assessments_assessments (subject_id);
create index assessments_assessments_step on assessments_assessments (step);

create table assessments_ratings (
  assessment_id integer not null references assessments_assessments (id),
  item_key text not null,
  rating integer,
  not_applicable boolean not null default false,
  evidence text not null default '',
  finding text not null default '',
  rated_by uuid,
  rated_at timestamptz not null default now(),
  primary key (assessment_id, item_key)
);

create table assessments_recommendations (
  id serial primary key,
  assessment_id integer not null references assessments_assessments (id),
  text text not null,
  response text check (response in ('accepted', 'partly', 'rejected')),
  reason text,
  responded_by uuid,
  responded_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create index assessments_recommendations_assessment on assessments_recommendations (assessment_id);

create table assessments_revisions (
  id serial primary key,
  assessment_id integer not null references assessments_assessments (id),
  recommendation_id integer references assessments_recommendations (id),
  description text not null,
  revised_on date not null,
  evidence text not null,
  recorded_by uuid,
  created_at timestamptz not null default now()
);
create index assessments_revisions_assessment on assessments_revisions (assessment_id);

create table assessments_trainings (
  id serial primary key,
  body text not null check (body in ('council', 'task_force')),
  title text not null,
  held_on date not null,
  participants integer not null check (participants >= 0),
  version integer not null default 1,
  created_at timestamptz not null default now()
);
