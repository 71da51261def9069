-- When each dataset's content last changed, for the catalogue's "last update": the catalogue hashes a
-- dataset's rows when it computes them and moves `changed_at` only when the hash differs, so the date
-- means "the data changed", not "someone downloaded it".
create table opendata_snapshots (
  dataset_id text primary key,
  sha256 text not null,
  changed_at timestamptz not null default now()
);
