-- Traceability: the action-plan tasks that implement a recommendation and the indicators that
-- measure it. The targets belong to other modules (`plan`, `indicators`), found through their
-- manifests' `linkable` records, so there is no foreign key: the command checks each exists.
-- `target_id` is the other module's key as text (a task's id, an indicator's code).

create table recommendations_links (
  recommendation_id text not null references recommendations_records (id) on delete cascade,
  target_type text not null check (target_type in ('task', 'indicator')),
  target_id text not null,
  created_at timestamptz not null default now(),
  primary key (recommendation_id, target_type, target_id)
);
create index recommendations_links_target on recommendations_links (target_type, target_id);
