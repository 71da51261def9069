-- A fixture for the backup tests: a column of every type a module stores, a generated column, a
-- self-reference (rows that point at one another), a serial, a free-standing sequence, an insert
-- trigger that a restore must not fire again, and an index of an extension (dropped with the schema).
create extension if not exists pg_trgm;

create table backupprobe_values (
  id bigint generated always as identity primary key,
  label text not null,
  payload bytea,
  document jsonb,
  raw_json json,
  happened_at timestamptz,
  day date,
  amount numeric,
  price numeric(12, 2),
  ratio double precision,
  tags text[],
  counts integer[],
  flag boolean,
  reference uuid,
  duration interval,
  label_length integer generated always as (length(label)) stored,
  partner_id bigint references backupprobe_values (id)
);
create index backupprobe_values_label on backupprobe_values using gin (label gin_trgm_ops);

create table backupprobe_notes (
  id serial primary key,
  value_id bigint not null references backupprobe_values (id) on delete cascade,
  note text not null
);

create sequence backupprobe_case_number;

create table backupprobe_inserts (
  value_id bigint not null,
  seen_at timestamptz not null default now()
);
create function backupprobe_count_insert() returns trigger language plpgsql as $$
begin
  insert into backupprobe_inserts (value_id) values (new.id);
  return new;
end $$;
create trigger backupprobe_values_counted after insert on backupprobe_values
  for each row execute function backupprobe_count_insert();
