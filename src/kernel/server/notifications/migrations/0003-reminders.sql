-- The reminders and escalations already sent (`notifications/reminders.ts`): one row per work item
-- (its stable key, `<module>:<record>:<step>`) and stage, written in the transaction that writes the
-- notifications, so that each is sent exactly once, also when two app servers run the command at once
-- (the second insert finds the row and sends nothing).
create table notifications_reminders (
  item_key text not null,
  stage text not null check (stage in ('before', 'due', 'escalation')),
  due_on text not null check (due_on ~ '^\d{4}-\d{2}-\d{2}$'),
  sent_at timestamptz not null default now(),
  primary key (item_key, stage, due_on)
);
