-- Evidence as uploaded files (the kernel's stored_files): assessors attach them to a checklist item
-- during the assessment step, and the office or the subject's department to a recorded revision. An
-- item's files are kept apart from its rating row, so evidence may come before the rating that needs
-- it. Files are never public: only the team and the assessed department download them.
create table assessments_rating_files (
  file_id uuid primary key references stored_files (id),
  assessment_id integer not null references assessments_assessments (id),
  item_key text not null,
  added_by uuid,
  added_at timestamptz not null default now()
);
create index assessments_rating_files_item on assessments_rating_files (assessment_id, item_key);

create table assessments_revision_files (
  file_id uuid primary key references stored_files (id),
  revision_id integer not null references assessments_revisions (id),
  added_by uuid,
  added_at timestamptz not null default now()
);
create index assessments_revision_files_revision on assessments_revision_files (revision_id);
