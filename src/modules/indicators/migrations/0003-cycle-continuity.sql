-- What continues after a year's cycle and what staff write to each other in it: the office's answers
-- to the committee's comments on the report; complementation actions that go on after the year
-- closes until done or cancelled (a cancellation keeps its reason, who and when), with progress
-- notes; and who created and last changed each action.

create table indicators_comment_answers (
  id serial primary key,
  comment_id integer not null references indicators_report_comments (id),
  body text not null,
  author_id uuid not null,
  created_at timestamptz not null default now()
);
create index indicators_comment_answers_comment on indicators_comment_answers (comment_id, id);

alter table indicators_actions drop constraint indicators_actions_status_check;
alter table indicators_actions add constraint indicators_actions_status_check
  check (status in ('planned', 'in_progress', 'done', 'cancelled'));
alter table indicators_actions add column cancel_reason text;
alter table indicators_actions add column cancelled_at timestamptz;
alter table indicators_actions add column cancelled_by uuid;
alter table indicators_actions add column created_by uuid;
alter table indicators_actions add column updated_by uuid;
-- A cancelled action always says why.
alter table indicators_actions add constraint indicators_actions_cancel_reason
  check ((status = 'cancelled') = (cancel_reason is not null));

create table indicators_action_notes (
  id serial primary key,
  action_id integer not null references indicators_actions (id),
  body text not null,
  author_id uuid not null,
  created_at timestamptz not null default now()
);
create index indicators_action_notes_action on indicators_action_notes (action_id, id);
