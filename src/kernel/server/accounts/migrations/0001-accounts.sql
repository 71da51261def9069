-- Staff and organisation accounts. The email is stored lowercased so that uniqueness is
-- case-insensitive with a plain unique index; the TOTP secret is encrypted (kernel crypto.ts).
create table accounts_users (
  id text primary key,
  email text not null unique check (email = lower(email)),
  display_name text not null,
  role text not null check (role in ('admin', 'officer', 'department', 'ombudsman', 'committee', 'organisation')),
  department_code text,
  password_hash text not null,
  totp_secret text,
  totp_enabled boolean not null default false,
  -- The last TOTP time step accepted, so that a code seen once (over a shoulder, in a log) is not
  -- accepted again within its validity window.
  totp_last_step integer,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (role <> 'department' or department_code is not null),
  check (not totp_enabled or totp_secret is not null)
);

-- Server-side sessions, shared by every app server. Only the SHA-256 of the cookie's token is kept,
-- so a copy of this table (a backup) opens no session.
create table accounts_sessions (
  id text primary key,
  user_id text not null references accounts_users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);
create index accounts_sessions_user on accounts_sessions (user_id);
create index accounts_sessions_last_seen on accounts_sessions (last_seen_at);

-- Failed logins, one row per failure and per thing it counts against (`key`: the client address, the
-- pair of address and email hash, or a device cookie). Rows older than the window are purged.
create table accounts_login_failures (
  key text not null,
  failed_at timestamptz not null default now()
);
create index accounts_login_failures_key on accounts_login_failures (key, failed_at);
create index accounts_login_failures_at on accounts_login_failures (failed_at);
