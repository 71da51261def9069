/**
 * `0002-sources.sql` moves the committees' recommendations into the register, losing
 * nothing: a database is built at the migrations before it, filled the old way (plain SQL into the old
 * tables, as those modules wrote them), then migrated; every field must arrive, mapped as the
 * migration's header says.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { migrate } from '../../../kernel/server/migrate.ts';
import {
  createTestDatabase,
  modulesBeforeMigration,
  type TestDatabase,
} from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';

type Row = Record<string, unknown>;

describe('recommendations migration 0002: committee recommendations move into the register', () => {
  let test: TestDatabase;
  const run = async (query: string) => (await sql.raw<Row>(query).execute(test.database.db)).rows;
  const at = (iso: string) => new Date(iso).getTime();
  const time = (value: unknown) =>
    value instanceof Date ? value.getTime() : new Date(String(value)).getTime();

  before(async () => {
    test = await createTestDatabase(await modulesBeforeMigration('recommendations', '0002-sources.sql'), {
      fromEmpty: true,
    });
    await run(`
      insert into vocab_terms (vocabulary, code, name_ko, name_en) values
        ('departments', 'WELFARE', '복지정책과', 'Welfare Policy Division'),
        ('departments', 'TRANSPORT', '대중교통과', 'Public Transport Division'),
        ('departments', 'CULTURE', '문화정책과', 'Culture Policy Division'),
        ('rights', 'mobility', '이동권', 'Right to mobility');
      insert into committees_bodies (id, kind, name_ko, name_en, is_public) values
        ('citizen-committee', 'committee', '인권증진시민위원회', 'Citizen Committee', true),
        ('joint-meeting', 'joint_meeting', '인권협치회의', 'Joint Meeting', true);
      insert into committees_meetings (id, body_id, kind, title, starts_at, ends_at, is_public, minutes_status) values
        ('m-published', 'citizen-committee', 'regular', '제3차 정기회의',
          '2025-06-10T05:00:00Z', '2025-06-10T07:00:00Z', true, 'published'),
        ('m-draft', 'joint-meeting', 'regular', '제1차 협치회의',
          '2025-09-01T05:00:00Z', '2025-09-01T07:00:00Z', true, 'approved');
      insert into committees_decisions (id, meeting_id, text, created_at) values
        ('d-1', 'm-published', '저상버스 확대를 권고한다', '2025-06-10T06:00:00Z'),
        ('d-2', 'm-draft', '경로당 접근성 개선을 권고한다', '2025-09-01T06:00:00Z');
      insert into committees_recommendations
        (id, decision_id, department_code, body, response, response_reason, implementation, closed_at,
         answered_at, created_at, version) values
        ('c-open', 'd-1', 'TRANSPORT', '저상버스를 2027년까지 두 배로 늘릴 것', null, null, null, null, null,
          '2025-06-10T06:00:00Z', 1),
        ('c-implementing', 'd-1', 'WELFARE', '장애인 콜택시 대기 시간을 줄일 것', 'partly_accepted', '예산 범위에서',
          '차량 10대 추가 발주', null, '2025-07-01T01:00:00Z', '2025-06-10T06:00:00Z', 3),
        ('c-implemented', 'd-1', 'CULTURE', '공연장 휠체어석을 늘릴 것', 'accepted', null, '휠체어석 20석 설치 완료',
          '2025-11-20T01:00:00Z', '2025-07-02T01:00:00Z', '2025-06-10T06:00:00Z', 4),
        ('c-rejected', 'd-2', 'WELFARE', '경로당 무장애 인증을 의무화할 것', 'rejected', '조례 개정 사항임', null,
          '2025-10-01T01:00:00Z', '2025-10-01T01:00:00Z', '2025-09-01T06:00:00Z', 2);
      insert into vocab_tags (vocabulary, term_code, module, record_type, record_id, is_public, title_ko, title_en, path)
        values ('rights', 'mobility', 'committees', 'recommendation', 'c-open', true, '권고', 'Recommendation',
          '/committees/meetings/m-published');
    `);
    await migrate(test.database.db, modules);
  });
  after(() => test.close());

  const record = async (id: string) =>
    (await run(`select * from recommendations_records where id = '${id}'`))[0];
  const parts = (id: string) =>
    run(
      `select * from recommendations_departments where recommendation_id = '${id}' order by department_code`,
    );
  const events = (id: string) =>
    run(`select action, from_status, to_status, department_code, answer, reason, note, at
         from recommendations_events where recommendation_id = '${id}' order by id`);

  it('copies every committee recommendation with its source, text, department and publication', async () => {
    const open = await record('c-open');
    assert.ok(open);
    assert.equal(open.source_kind, 'committee');
    assert.equal(open.source_module, 'committees');
    assert.equal(open.source_id, 'd-1');
    assert.equal(open.source_path, '/committees/meetings/m-published');
    assert.equal(open.source_reference, '인권증진시민위원회 · 제3차 정기회의 (2025-06-10)');
    assert.equal(open.text_ko, '저상버스를 2027년까지 두 배로 늘릴 것');
    assert.equal(open.text_en, '저상버스를 2027년까지 두 배로 늘릴 것');
    assert.equal(open.issued_on, '2025-06-10');
    assert.equal(open.status, 'issued');
    assert.equal(open.is_public, true, 'the minutes are published');
    assert.equal(time(open.created_at), at('2025-06-10T06:00:00Z'));
    assert.deepEqual(
      (await parts('c-open')).map((part) => [
        part.department_code,
        part.answer,
        part.reasons,
        part.answered_at,
      ]),
      [['TRANSPORT', null, null, null]],
    );
    assert.deepEqual(
      (await events('c-open')).map((event) => event.action),
      ['issue'],
    );
    const rejected = await record('c-rejected');
    assert.equal(rejected?.source_kind, 'joint_meeting');
    assert.equal(rejected?.is_public, false, 'minutes approved but not published');
    assert.equal(rejected?.status, 'closed');
    assert.equal(rejected?.closed_reason, 'not_accepted');
    assert.equal(rejected?.version, 2);
    const [part] = await parts('c-rejected');
    assert.equal(part?.answer, 'not_accepted');
    assert.equal(part?.reasons, '조례 개정 사항임');
    assert.equal(time(part?.answered_at), at('2025-10-01T01:00:00Z'));
    assert.deepEqual(
      (await events('c-rejected')).map((event) => [
        event.action,
        event.to_status,
        event.answer,
        event.reason,
        event.note,
      ]),
      [
        ['issue', 'issued', null, null, null],
        ['answer', 'answered', 'not_accepted', null, '조례 개정 사항임'],
        ['close', 'closed', null, 'not_accepted', '조례 개정 사항임'],
      ],
    );
  });

  it('keeps answers, implementation and closing as states and timeline events', async () => {
    const implementing = await record('c-implementing');
    assert.equal(implementing?.status, 'implementing');
    assert.equal(implementing?.version, 3);
    const [part] = await parts('c-implementing');
    assert.equal(part?.answer, 'partly_accepted');
    assert.equal(part?.reasons, '예산 범위에서');
    assert.deepEqual(
      (await events('c-implementing')).map((event) => [event.action, event.to_status, event.note]),
      [
        ['issue', 'issued', null],
        ['answer', 'answered', '예산 범위에서'],
        ['start_implementation', 'implementing', '차량 10대 추가 발주'],
      ],
    );
    const implemented = await record('c-implemented');
    assert.equal(implemented?.status, 'implemented');
    const timeline = await events('c-implemented');
    assert.deepEqual(
      timeline.map((event) => [event.action, event.to_status, event.note]),
      [
        ['issue', 'issued', null],
        ['answer', 'answered', null],
        ['start_implementation', 'implementing', null],
        ['complete', 'implemented', '휠체어석 20석 설치 완료'],
      ],
    );
    assert.equal(time(timeline[3]?.at), at('2025-11-20T01:00:00Z'));
  });

  it('moves the tags of a committee recommendation to the register', async () => {
    const tags = await run(`select * from vocab_tags where record_id = 'c-open'`);
    assert.equal(tags.length, 1);
    assert.equal(tags[0]?.module, 'recommendations');
    assert.equal(tags[0]?.path, '/recommendations/c-open');
  });
});
