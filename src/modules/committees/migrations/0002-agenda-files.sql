-- Agenda documents uploaded as files (the kernel's stored_files keeps the bytes, encrypted; this table
-- says which agenda item each belongs to). Who may download follows the meeting: anyone once the
-- agenda of a public meeting is published, the secretariat before that.
create table committees_agenda_files (
  file_id uuid primary key references stored_files (id),
  agenda_item_id text not null references committees_agenda_items (id),
  created_at timestamptz not null default now()
);
create index committees_agenda_files_item on committees_agenda_files (agenda_item_id, created_at);
