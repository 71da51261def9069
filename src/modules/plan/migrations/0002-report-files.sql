-- Evidence files on progress reports (the kernel's stored files hold the bytes, encrypted). A link
-- belongs to one revision: the department attaches files while that revision awaits review, and a
-- resubmission after a return starts with the returned revision's files, so each revision in the
-- history lists the evidence it was reviewed with.
create table plan_report_files (
  report_id integer not null references plan_reports (id) on delete cascade,
  file_id uuid not null references stored_files (id),
  position integer not null,
  added_by text references accounts_users (id),
  added_at timestamptz not null default now(),
  primary key (report_id, file_id),
  unique (report_id, position)
);
create index plan_report_files_file on plan_report_files (file_id);
