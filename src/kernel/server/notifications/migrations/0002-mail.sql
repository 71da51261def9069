-- The mail outbox: one row per message to send. A notification with delivery 'email' gets one
-- (unique on notification_id), a user's day of 'digest' notifications one (unique on user and day).
-- (`rightscity mail test` sends directly, without a row: it checks the settings.) The message's words are rendered when it is sent, from the notification
-- titles and the recipient's language: nothing but the title and a link is ever mailed.
create table notifications_mail (
  id text primary key,
  kind text not null check (kind in ('notification', 'digest')),
  user_id text not null references accounts_users (id) on delete cascade,
  notification_id text unique references notifications_items (id) on delete cascade,
  -- The city date whose digest notifications this message gathers.
  digest_date date,
  status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  -- While status is 'sending': the claim's lease and token. A server that dies between claiming and
  -- marking leaves the lease to run out; then the message is claimed again.
  claimed_until timestamptz,
  claim_token text,
  last_error text,
  -- The same Message-ID on every attempt, so a receiving server can tell a resend from a new message.
  message_id text not null unique,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  check ((kind = 'notification') = (notification_id is not null)),
  check ((kind = 'digest') = (digest_date is not null)),
  unique (user_id, digest_date)
);
create index notifications_mail_due on notifications_mail (next_attempt_at) where status in ('queued', 'sending');
create index notifications_mail_status on notifications_mail (status, created_at desc);
