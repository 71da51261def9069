/**
 * The ombudsman's part of My work: a department sees the information request addressed to it with its
 * due date, another department does not, and the answered request leaves the list; the assigned
 * ombudsman sees the decision due and a non-assigned, non-standing one does not; the standing
 * ombudsman sees the assessment to make; no title carries anything of the case but its receipt number.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { setClockNow } from '../../../kernel/server/city/clock.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import type { MyWork } from '../../../kernel/shared/work.ts';
import { createCase, createOmbudsmanMember, sampleComplaint, type TestMember } from '../test/factories.ts';
import { clockDueOn } from './work.ts';

type Headers = Record<string, string>;

describe('the day a case clock runs out', () => {
  // No holidays; 2026 covered. Monday 2 March 2026, 00:00 in Seoul.
  const calendar = { holidays: new Map(), years: new Set([2026]) };
  const monday = new Date('2026-03-01T15:00:00Z');
  const at = (iso: string) => new Date(iso);

  it('is the day the allowance is used up, overdue only the day after', () => {
    // Three working days from Monday 00:00 are used up at the end of Wednesday.
    assert.equal(clockDueOn(calendar, monday, [], 3, at('2026-03-10T01:00:00Z')), '2026-03-04');
    // From Monday noon, during Thursday.
    assert.equal(
      clockDueOn(calendar, new Date('2026-03-02T03:00:00Z'), [], 3, at('2026-03-10T01:00:00Z')),
      '2026-03-05',
    );
    // Across a weekend: five days from Monday end on Friday; six on the next Monday.
    assert.equal(clockDueOn(calendar, monday, [], 6, at('2026-03-20T01:00:00Z')), '2026-03-09');
  });

  it('is projected from now while the clock runs, and moved by a pause', () => {
    // Monday noon, half a day counted: the rest of Monday, Tuesday and Wednesday.
    assert.equal(clockDueOn(calendar, monday, [], 3, at('2026-03-02T03:00:00Z')), '2026-03-04');
    // Saturday, five days used, ten allowed: the next five working days, Monday to Friday.
    assert.equal(clockDueOn(calendar, monday, [], 10, at('2026-03-07T03:00:00Z')), '2026-03-13');
    // Tuesday was paused (an information request open all day): one day later.
    const tuesday = { start: new Date('2026-03-02T15:00:00Z'), end: new Date('2026-03-03T15:00:00Z') };
    assert.equal(clockDueOn(calendar, monday, [tuesday], 3, at('2026-03-10T01:00:00Z')), '2026-03-05');
  });
});

describe('ombudsman work items', () => {
  let test: TestApp;
  let restoreClock: () => void;
  let standing: TestMember;
  let standingHeaders: Headers;
  let assignedHeaders: Headers;
  let assignedId: string;
  let otherOmbudsmanHeaders: Headers;
  let deptHeaders: Headers;
  let otherDeptHeaders: Headers;
  let investigated: { id: string; receiptNumber: string; version: number };
  let inAssessment: { id: string; receiptNumber: string };

  const myWork = async (headers: Headers) => {
    const response = await test.app.inject({ url: '/api/v1/my-work', headers });
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as MyWork).items.filter((item) => item.module === 'ombudsman');
  };
  const step = async (headers: Headers, caseId: string, payload: Record<string, unknown>) => {
    const response = await test.app.inject({
      method: 'POST',
      url: `/api/v1/ombudsman/cases/${caseId}/transitions`,
      headers,
      payload,
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as { version: number };
  };

  before(async () => {
    // 10:00 in Seoul on Tuesday 10 March 2026.
    restoreClock = setClockNow('2026-03-10T01:00:00Z');
    test = await createTestApp();
    await sql`insert into vocab_terms (vocabulary, code, name_ko, name_en) values
      ('departments', 'TEST-DEPT', '인권정책과', 'Human Rights Policy Division'),
      ('departments', 'OTHER-DEPT', '복지과', 'Welfare Division')`.execute(test.database.db);
    standing = await createOmbudsmanMember(test.database, { standing: true });
    standingHeaders = (await signIn(test.app, standing)).headers;
    const assigned = await createOmbudsmanMember(test.database, { standing: false });
    assignedHeaders = (await signIn(test.app, assigned)).headers;
    assignedId = assigned.id;
    otherOmbudsmanHeaders = (
      await signIn(test.app, await createOmbudsmanMember(test.database, { standing: false }))
    ).headers;
    deptHeaders = (
      await signIn(
        test.app,
        await createUser(test.database, { role: 'department', departmentCode: 'TEST-DEPT' }),
      )
    ).headers;
    otherDeptHeaders = (
      await signIn(
        test.app,
        await createUser(test.database, { role: 'department', departmentCode: 'OTHER-DEPT' }),
      )
    ).headers;
    investigated = await createCase(
      test.database,
      test.config,
      standing,
      'investigation',
      {},
      {
        assignedTo: [assigned.id],
      },
    );
    inAssessment = await createCase(test.database, test.config, standing, 'assessment');
    investigated.version = (
      await step(assignedHeaders, investigated.id, {
        action: 'request_information',
        version: investigated.version,
        departmentCode: 'TEST-DEPT',
        question: '자료를 보내 주세요',
        dueOn: '2026-03-20',
      })
    ).version;
  });
  after(async () => {
    restoreClock();
    await test.close();
  });

  it('shows the addressed department its unanswered information request, due on its due date', async () => {
    const items = await myWork(deptHeaders);
    assert.equal(items.length, 1, JSON.stringify(items));
    const [item] = items;
    assert.equal(item?.kind, 'ombudsman.answer_information');
    assert.equal(item?.dueOn, '2026-03-20');
    assert.equal(item?.dueState, 'upcoming');
    assert.equal(item?.departmentCode, 'TEST-DEPT');
    assert.equal(item?.title.en, `Case ${investigated.receiptNumber}`);
    assert.deepEqual(await myWork(otherDeptHeaders), []);
  });

  it('shows the assigned ombudsman the decision due, and not a non-assigned, non-standing one', async () => {
    const items = await myWork(assignedHeaders);
    assert.deepEqual(
      items.map((item) => [item.kind, item.path]),
      [['ombudsman.decide', `/staff/ombudsman/cases/${investigated.id}`]],
    );
    assert.match(items[0]?.dueOn ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.ok((items[0]?.dueOn ?? '') > '2026-03-10', 'a clock just started is due later');
    assert.deepEqual(await myWork(otherOmbudsmanHeaders), []);
  });

  it('shows the standing ombudsman the assessment to make, titled by receipt number only', async () => {
    const items = await myWork(standingHeaders);
    const assess = items.filter((item) => item.kind === 'ombudsman.assess');
    assert.deepEqual(
      assess.map((item) => item.key),
      [`ombudsman:${inAssessment.id}:assess`],
    );
    // Nothing of the complaint, in either language, in any title or action.
    const text = JSON.stringify(
      [...items, ...(await myWork(deptHeaders)), ...(await myWork(assignedHeaders))].map((item) => [
        item.title,
        item.action,
      ]),
    );
    for (const planted of [
      sampleComplaint.complainant?.name,
      sampleComplaint.complainant?.phone,
      sampleComplaint.summary,
      sampleComplaint.respondent,
    ]) {
      assert.ok(planted && !text.includes(planted), `${planted} leaked`);
    }
  });

  it('drops the request once the department answers it', async () => {
    const file = await test.app.inject({
      url: `/api/v1/ombudsman/inbox`,
      headers: deptHeaders,
    });
    assert.equal(file.statusCode, 200, file.body);
    const requestId = (file.json() as { informationRequests: { id: string }[] }).informationRequests[0]?.id;
    await step(deptHeaders, investigated.id, {
      action: 'answer_information',
      version: investigated.version,
      requestId,
      answer: '회신합니다',
    });
    assert.deepEqual(await myWork(deptHeaders), []);
    // The assigned ombudsman still has the decision to take.
    assert.equal((await myWork(assignedHeaders)).length, 1);
  });

  it('asks the assigned ombudsman to chase an overdue answer, then to follow up and close the answered recommendation', async () => {
    const followed = await createCase(
      test.database,
      test.config,
      standing,
      'follow_up',
      {},
      { assignedTo: [assignedId] },
    );
    const inbox = await test.app.inject({ url: '/api/v1/ombudsman/inbox', headers: deptHeaders });
    const recommendation = (inbox.json() as { recommendations: { id: string; dueOn: string | null }[] })
      .recommendations[0];
    assert.ok(recommendation);
    const owed = await myWork(deptHeaders);
    assert.deepEqual(
      owed.map((item) => item.kind),
      ['ombudsman.respond_recommendation'],
    );
    assert.ok((owed[0]?.dueOn ?? '') > '2026-03-10', 'the default allowance from today');
    const chasing = () =>
      myWork(assignedHeaders).then((items) =>
        items.filter((item) => item.key.startsWith(`ombudsman:${recommendation.id}:`)),
      );
    assert.deepEqual(await chasing(), [], 'not yet due: the department’s work alone');
    await sql`update ombudsman_recommendations set due_on = '2026-03-09' where id = ${recommendation.id}`.execute(
      test.database.db,
    );
    assert.deepEqual(
      (await chasing()).map((item) => [item.kind, item.dueOn, item.dueState, item.path]),
      [['ombudsman.chase_answer', '2026-03-09', 'overdue', `/staff/ombudsman/cases/${followed.id}`]],
    );
    assert.deepEqual(await myWork(otherOmbudsmanHeaders), []);
    await step(deptHeaders, followed.id, {
      action: 'respond_recommendation',
      version: followed.version,
      recommendationId: recommendation.id,
      response: 'accepted',
    });
    assert.deepEqual(await myWork(deptHeaders), []);
    assert.deepEqual(
      (await chasing()).map((item) => [item.kind, item.dueOn]),
      [['ombudsman.follow_up', null]],
    );
    const closed = await test.app.inject({
      method: 'POST',
      url: `/api/v1/ombudsman/recommendations/${recommendation.id}/closure`,
      headers: assignedHeaders,
      payload: { outcome: 'implemented' },
    });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.deepEqual(await chasing(), []);
  });
});
