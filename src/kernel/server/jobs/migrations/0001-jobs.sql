-- Scheduled jobs: one row per periodic job, claimed by one app server at a time. A claim is a lease
-- (claimed_until): a server that dies mid-run holds the job only until the lease ends, then another
-- (or the same, restarted) server runs it again.
create table jobs_schedule (
  name text primary key,
  next_run_at timestamptz not null,
  claimed_by text,
  claimed_until timestamptz,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  -- The last run's error message, null when it succeeded.
  last_error text
);
