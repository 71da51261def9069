-- Files that people upload as evidence or documents (progress reports, agenda items, assessments).
-- One table for every module, so that the type check, the size limit, the encryption and the
-- download headers exist once; each module links the files to its records in a table of its own and
-- decides who may read them. The bytes are encrypted with the field key (AES-256-GCM), so a backup
-- or a copied database file does not show a document that may name people.
create table stored_files (
  id uuid primary key,
  module text not null,
  name text not null,
  content_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  data_enc text not null,
  created_by uuid,
  created_at timestamptz not null default now()
);
