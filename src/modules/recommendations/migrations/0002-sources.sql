-- The register becomes the one home of recommendations issued by other modules (issue 16, item 1):
-- each record keeps a real back-link to the record it came from (`source_module`, `source_id`,
-- `source_path`: the committees' decision), and the committees' recommendations recorded so far move
-- here, with their answers, reasons, implementation and closing. The committees issue through the
-- register from now on (`Kernel.recommendations`); their old table stays, read-only (audit rows name
-- its ids), and nothing writes it any more. The assessments' and the ombudsman's recommendations move
-- in by a later migration, together with the change that makes those modules issue through the
-- register: copied before, they would be copies their modules go on changing without the register.
--
-- Dates: a calendar day is taken in Asia/Seoul, the zone of the only city whose data exists when this
-- runs (Gwangju); the migration cannot read the city's configuration.
--
-- State mapping (the register's states are issued → answered → implementing → implemented | closed):
--   committees  no answer                                   → issued
--               rejected (it closed the recommendation)      → closed, reason not_accepted
--               (partly) accepted, closed by the department's
--                 report of full implementation              → implemented
--               (partly) accepted, open, implementation text → implementing
--               (partly) accepted, open, no implementation   → answered
-- Answers: `rejected` → `not_accepted`. The answer, the implementation text and the closing each
-- become an event of the timeline at their own time.
-- Publication (item 5): a committee's recommendation is public once its meeting is public with
-- published minutes; the committees keep that current through the register's `sourceChanged`.

alter table recommendations_records
  add column source_module text,
  add column source_id text,
  add column source_path text,
  -- The ombudsman's anonymised summary: when published it is what the public read instead of the text
  -- (no case identifiers, no names), and it is what makes an ombudsman recommendation public.
  add column public_summary_ko text,
  add column public_summary_en text,
  add column summary_published_at timestamptz,
  add check ((source_module is null) = (source_id is null)),
  add check ((summary_published_at is null) = (public_summary_ko is null)),
  add check ((public_summary_ko is null) = (public_summary_en is null));
create index recommendations_records_source on recommendations_records (source_module, source_id);

-- Committees, Joint Meeting and Roundtable: one record per recommendation (same id), from the decision.
insert into recommendations_records (
  id, source_kind, source_reference, source_module, source_id, source_path, text_ko, text_en, issued_on,
  answer_due, implementation_due, is_public, status, closed_reason, version, created_at, updated_at
)
select
  r.id,
  case b.kind when 'joint_meeting' then 'joint_meeting' when 'roundtable' then 'roundtable' else 'committee' end,
  b.name_ko || ' · ' || m.title || ' (' || to_char(m.starts_at at time zone 'Asia/Seoul', 'YYYY-MM-DD') || ')',
  'committees',
  d.id,
  '/committees/meetings/' || m.id,
  r.body,
  r.body,
  to_char(r.created_at at time zone 'Asia/Seoul', 'YYYY-MM-DD'),
  null,
  null,
  m.is_public and m.minutes_status = 'published',
  case
    when r.response is null then 'issued'
    when r.response = 'rejected' then 'closed'
    when r.closed_at is not null then 'implemented'
    when coalesce(r.implementation, '') <> '' then 'implementing'
    else 'answered'
  end,
  case when r.response = 'rejected' then 'not_accepted' end,
  r.version,
  r.created_at,
  coalesce(r.closed_at, r.answered_at, r.created_at)
from committees_recommendations r
join committees_decisions d on d.id = r.decision_id
join committees_meetings m on m.id = d.meeting_id
join committees_bodies b on b.id = m.body_id;

insert into recommendations_departments (recommendation_id, department_code, answer, reasons, answered_at, answered_by)
select
  r.id,
  r.department_code,
  case r.response when 'rejected' then 'not_accepted' else r.response end,
  r.response_reason,
  case when r.response is not null then coalesce(r.answered_at, r.created_at) end,
  null
from committees_recommendations r;

insert into recommendations_events (recommendation_id, action, from_status, to_status, department_code, answer, reason, note, at)
select id, action, from_status, to_status, department_code, answer, reason, note, at
from (
  select r.id, 1 as step, 'issue' as action, null as from_status, 'issued' as to_status,
    null as department_code, null as answer, null as reason, null as note, r.created_at as at
  from committees_recommendations r
  union all
  select r.id, 2, 'answer', 'issued', 'answered', r.department_code,
    case r.response when 'rejected' then 'not_accepted' else r.response end, null, r.response_reason,
    coalesce(r.answered_at, r.created_at)
  from committees_recommendations r where r.response is not null
  -- The committees kept only the latest implementation text: one step with it.
  union all
  select r.id, 3, 'start_implementation', 'answered', 'implementing', r.department_code, null, null,
    case when r.closed_at is null then r.implementation end, coalesce(r.answered_at, r.created_at)
  from committees_recommendations r
  where r.response in ('accepted', 'partly_accepted')
    and (r.closed_at is not null or coalesce(r.implementation, '') <> '')
  union all
  select r.id, 4, 'complete', 'implementing', 'implemented', r.department_code, null, null, r.implementation, r.closed_at
  from committees_recommendations r
  where r.response in ('accepted', 'partly_accepted') and r.closed_at is not null
  union all
  select r.id, 4, 'close', 'answered', 'closed', r.department_code, null, 'not_accepted', r.response_reason,
    coalesce(r.closed_at, r.answered_at, r.created_at)
  from committees_recommendations r where r.response = 'rejected'
) as steps
order by at, id, step;

-- The tags follow the recommendation into the register (same id, the register's public page).
update vocab_tags
set module = 'recommendations', path = '/recommendations/' || record_id
where module = 'committees' and record_type = 'recommendation';

comment on table committees_recommendations is
  'Read-only since recommendations/0002-sources.sql: the register (recommendations_records) holds these.';
