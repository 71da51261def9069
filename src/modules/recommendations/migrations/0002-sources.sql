-- The register becomes the one home of recommendations issued by other modules (issue 16, item 1):
-- each record keeps a real back-link to the record it came from (`source_module`, `source_id`,
-- `source_path`: the committees' decision, the assessment), and the committees' and assessments'
-- recommendations recorded so far move here, with their answers, reasons, implementation and closing.
-- Those modules issue through the register from now on (`Kernel.recommendations`); their old tables
-- stay, read-only (`assessments_revisions` references `assessments_recommendations`, and an audit row
-- names their ids), and nothing writes them any more.
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
--   assessments no answer                                   → issued (still awaits its answer)
--               rejected                                     → closed, reason not_accepted
--               (partly) accepted, revisions recorded for it,
--                 assessment closed                          → implemented (closed_at of the assessment)
--               (partly) accepted, revisions, still open     → implementing
--               (partly) accepted, no revision               → answered
-- Answers: `rejected` → `not_accepted`; assessments' `partly` → `partly_accepted`. Each answer,
-- implementation report and revision becomes an event of the timeline at its own time.
-- Publication (item 5): a committee's recommendation is public once its meeting is public with
-- published minutes, an assessment's once the assessment is closed; the source module keeps that
-- current through the register's `sourceChanged`.

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

-- Impact assessments: the department is the assessed subject's; the id is derived from the old one so
-- that the events below find their record.
create temporary table recommendations_assessment_map on commit drop as
select
  a.id as old_id,
  md5('assessments_recommendations/' || a.id)::uuid::text as id,
  a.assessment_id,
  a.text,
  a.response,
  a.reason,
  a.responded_by,
  a.responded_at,
  a.version,
  a.created_at,
  s.department_code,
  s.title as subject_title,
  x.year,
  x.step,
  x.closed_at as assessment_closed_at,
  exists (select 1 from assessments_revisions v where v.recommendation_id = a.id) as revised
from assessments_recommendations a
join assessments_assessments x on x.id = a.assessment_id
join assessments_subjects s on s.id = x.subject_id;

insert into recommendations_records (
  id, source_kind, source_reference, source_module, source_id, source_path, text_ko, text_en, issued_on,
  answer_due, implementation_due, is_public, status, closed_reason, version, created_at, updated_at
)
select
  a.id,
  'assessment',
  a.subject_title || ' · 인권영향평가 ' || a.year,
  'assessments',
  a.assessment_id::text,
  '/assessments/work/' || a.assessment_id,
  a.text,
  a.text,
  to_char(a.created_at at time zone 'Asia/Seoul', 'YYYY-MM-DD'),
  null,
  null,
  a.step = 'closed',
  case
    when a.response is null then 'issued'
    when a.response = 'rejected' then 'closed'
    when a.revised and a.step = 'closed' then 'implemented'
    when a.revised then 'implementing'
    else 'answered'
  end,
  case when a.response = 'rejected' then 'not_accepted' end,
  a.version,
  a.created_at,
  coalesce(a.responded_at, a.created_at)
from recommendations_assessment_map a;

insert into recommendations_departments (recommendation_id, department_code, answer, reasons, answered_at, answered_by)
select
  a.id,
  a.department_code,
  case a.response when 'rejected' then 'not_accepted' when 'partly' then 'partly_accepted' else a.response end,
  a.reason,
  case when a.response is not null then coalesce(a.responded_at, a.created_at) end,
  a.responded_by::text
from recommendations_assessment_map a;

insert into recommendations_events (recommendation_id, action, from_status, to_status, department_code, answer, reason, note, at)
select id, action, from_status, to_status, department_code, answer, reason, note, at
from (
  select a.id, 1 as step, 0 as revision, 'issue' as action, null as from_status, 'issued' as to_status,
    null as department_code, null as answer, null as reason, null as note, a.created_at as at
  from recommendations_assessment_map a
  union all
  select a.id, 2, 0, 'answer', 'issued', 'answered', a.department_code,
    case a.response when 'rejected' then 'not_accepted' when 'partly' then 'partly_accepted' else a.response end,
    null, a.reason, coalesce(a.responded_at, a.created_at)
  from recommendations_assessment_map a where a.response is not null
  union all
  select a.id, 4, 0, 'close', 'answered', 'closed', a.department_code, null, 'not_accepted', a.reason,
    coalesce(a.responded_at, a.created_at)
  from recommendations_assessment_map a where a.response = 'rejected'
  union all
  select a.id, 3, 0, 'start_implementation', 'answered', 'implementing', a.department_code, null, null, null,
    (select min(v.created_at) from assessments_revisions v where v.recommendation_id = a.old_id)
  from recommendations_assessment_map a where a.response in ('accepted', 'partly') and a.revised
  -- Each tracked revision is a progress report: what changed, on which day, and its evidence.
  union all
  select a.id, 3, v.id, 'report_progress', 'implementing', 'implementing', a.department_code, null, null,
    v.description || ' (' || v.revised_on::text || ') — ' || v.evidence, v.created_at
  from recommendations_assessment_map a
  join assessments_revisions v on v.recommendation_id = a.old_id
  where a.response in ('accepted', 'partly')
  union all
  select a.id, 5, 0, 'complete', 'implementing', 'implemented', a.department_code, null, null, null,
    coalesce(a.assessment_closed_at, a.created_at)
  from recommendations_assessment_map a
  where a.response in ('accepted', 'partly') and a.revised and a.step = 'closed'
) as steps
order by at, id, step, revision;

comment on table committees_recommendations is
  'Read-only since recommendations/0002-sources.sql: the register (recommendations_records) holds these.';
comment on table assessments_recommendations is
  'Read-only since recommendations/0002-sources.sql: the register (recommendations_records) holds these.';
