-- A fixture for the audit tests: a command that writes here can fail halfway on the unique name.
create table rollbackprobe_items (
  id integer primary key,
  name text not null unique
);
