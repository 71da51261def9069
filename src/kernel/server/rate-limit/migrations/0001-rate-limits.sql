-- Counters of public writes per client address and per browser, shared by every app server on the
-- database. Keys are SHA-256 hashes (no address is stored); a row lives one window (hours at most)
-- and is deleted after it expires. Not part of the audit trail: counting is not a change of record.
create table ratelimit_counters (
  key text primary key,
  hits integer not null,
  expires_at timestamptz not null
);
create index ratelimit_counters_expiry on ratelimit_counters (expires_at);
