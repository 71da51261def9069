-- Notifications: what the platform tells a user, written in the same transaction as the change it
-- announces (an outbox), so nothing is announced that did not happen and nothing that happened goes
-- unannounced. The title names the kind of work and the record's public name or number only: never a
-- complainant, victim or witness, never case content (it may be mailed).
create table notifications_items (
  id text primary key,
  user_id text not null references accounts_users (id) on delete cascade,
  kind text not null,
  title_ko text not null,
  title_en text not null,
  -- The web app's path of the record, or null.
  path text,
  -- How it reaches the user, fixed when it is written from the user's choice for its kind.
  delivery text not null check (delivery in ('in_app', 'email', 'digest')),
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_items_user on notifications_items (user_id, created_at desc);
create index notifications_items_unread on notifications_items (user_id) where read_at is null;

-- A user's choice per kind; a kind without a row takes the kind's default.
create table notifications_preferences (
  user_id text not null references accounts_users (id) on delete cascade,
  kind text not null,
  choice text not null check (choice in ('in_app', 'email', 'digest')),
  primary key (user_id, kind)
);
