/**
 * Every allowed and every refused step, by walking the transition table: each (state, action) pair in
 * the table succeeds for a caller with the capacity and is refused (403, or 404 to a department the
 * recommendation is not addressed to) for one without; each pair not in the table is a 409 whoever
 * asks. Also: the record is `answered` only when every department has answered its part, a
 * department answers only its own part and only once, stale versions, and every step in the timeline
 * and the audit trail.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import {
  type RecommendationAction,
  type RecommendationStatus,
  recommendationActions,
  recommendationStatuses,
  type StaffRecommendation,
} from '../contract.ts';
import { addDepartments, createRecommendation, type Headers } from '../test/factories.ts';
import { type Capacity, transitionFor, transitions } from './workflow.ts';

describe('recommendation workflow', () => {
  let test: TestApp;
  let officer: Headers;
  let department: Headers;
  let otherDepartment: Headers;

  before(async () => {
    test = await createTestApp();
    await addDepartments(test.database, ['TEST-DEPT', 'OTHER-DEPT']);
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
    department = (await signIn(test.app, await createUser(test.database, { role: 'department' }))).headers;
    otherDepartment = (
      await signIn(
        test.app,
        await createUser(test.database, { role: 'department', departmentCode: 'OTHER-DEPT' }),
      )
    ).headers;
  });
  after(() => test.close());

  const post = (headers: Headers, id: string, payload: Record<string, unknown>) =>
    test.app.inject({ method: 'POST', url: `/api/v1/recommendations/${id}/transitions`, headers, payload });

  const read = async (id: string) => {
    const response = await test.app.inject({ url: `/api/v1/recommendations/staff/${id}`, headers: officer });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as StaffRecommendation;
  };

  const bodies: Record<RecommendationAction, Record<string, unknown>> = {
    answer: { departmentCode: 'TEST-DEPT', answer: 'accepted', reasons: '예산을 확보해 이행하겠습니다' },
    start_implementation: { note: '사업 계획 수립' },
    report_progress: { note: '저상버스 10대 도입' },
    complete: { note: '도입 완료' },
    close: { reason: 'superseded' },
  };

  /** The way to each state from `issued`, as the office walks it. */
  const road: Record<RecommendationStatus, RecommendationAction[]> = {
    issued: [],
    answered: ['answer'],
    implementing: ['answer', 'start_implementation'],
    implemented: ['answer', 'start_implementation', 'complete'],
    closed: ['close'],
  };

  async function prepare(status: RecommendationStatus) {
    const created = await createRecommendation(test.app, officer);
    let version = created.version;
    for (const action of road[status]) {
      const response = await post(officer, created.id, { action, version, ...bodies[action] });
      assert.equal(response.statusCode, 200, response.body);
      version = response.json().version;
    }
    assert.equal((await read(created.id)).status, status);
    return { id: created.id, version };
  }

  const as: Record<Capacity, Headers> = {} as Record<Capacity, Headers>;
  before(() => {
    as.office = officer;
    as.department = department;
  });

  it('has a row for every status that can move, and every state is reachable', () => {
    const reached = new Set(['issued', ...transitions.map((row) => row.to)]);
    assert.deepEqual([...reached].sort(), [...recommendationStatuses].sort());
  });

  for (const status of recommendationStatuses) {
    for (const action of recommendationActions) {
      const row = transitionFor(status, action);
      if (row) {
        it(`${status} --${action}--> ${row.to}: allowed for ${row.by.join(', ')}, refused for others`, async () => {
          const { id, version } = await prepare(status);
          // A department the recommendation is not addressed to does not even see it.
          const stranger = await post(otherDepartment, id, { action, version, ...bodies[action] });
          assert.equal(stranger.statusCode, 404, stranger.body);
          if (!row.by.includes('department')) {
            const refused = await post(department, id, { action, version, ...bodies[action] });
            assert.equal(refused.statusCode, 403, refused.body);
          }
          const allowed = await post(as[row.by[0] as Capacity], id, { action, version, ...bodies[action] });
          assert.equal(allowed.statusCode, 200, allowed.body);
          assert.deepEqual(allowed.json(), { status: row.to, version: version + 1 });
          const after = await read(id);
          assert.equal(after.status, row.to);
          const last = after.timeline.at(-1);
          assert.equal(last?.action, action);
          assert.equal(last?.fromStatus, status);
          assert.equal(last?.toStatus, row.to);
          assert.ok(Date.parse(last?.at ?? '') > 0);
          const audited = await sql<{ n: string }>`
            select count(*) as n from audit_trail
            where entity_id = ${id} and action = ${`recommendations.${action}`}`.execute(test.database.db);
          assert.ok(Number(audited.rows[0]?.n) >= 1);
        });
      } else {
        it(`${status} --${action}--> refused with 409`, async () => {
          const { id, version } = await prepare(status);
          const response = await post(officer, id, { action, version, ...bodies[action] });
          assert.equal(response.statusCode, 409, response.body);
          assert.equal(response.json().code, 'recommendations_transition_not_allowed');
          const after = await read(id);
          assert.equal(after.status, status);
          assert.equal(after.version, version);
        });
      }
    }
  }

  it('stays issued until every addressed department has answered its own part', async () => {
    const created = await createRecommendation(test.app, officer, {
      departments: ['TEST-DEPT', 'OTHER-DEPT'],
    });
    assert.deepEqual(created.answerableDepartments, ['OTHER-DEPT', 'TEST-DEPT']);
    // A department answers only its own part.
    const foreign = await post(department, created.id, {
      ...bodies.answer,
      action: 'answer',
      version: created.version,
      departmentCode: 'OTHER-DEPT',
    });
    assert.equal(foreign.statusCode, 403, foreign.body);
    const first = await post(department, created.id, {
      ...bodies.answer,
      action: 'answer',
      version: created.version,
    });
    assert.deepEqual(first.json(), { status: 'issued', version: created.version + 1 });
    const again = await post(department, created.id, {
      ...bodies.answer,
      action: 'answer',
      version: created.version + 1,
    });
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().code, 'recommendations_already_answered');
    const stale = await post(otherDepartment, created.id, {
      action: 'answer',
      version: created.version,
      departmentCode: 'OTHER-DEPT',
      answer: 'not_accepted',
      reasons: '권한 밖입니다',
    });
    assert.equal(stale.statusCode, 409, stale.body);
    assert.equal(stale.json().code, 'conflict');
    const last = await post(otherDepartment, created.id, {
      action: 'answer',
      version: created.version + 1,
      departmentCode: 'OTHER-DEPT',
      answer: 'partly_accepted',
      reasons: '일부 노선만 가능합니다',
    });
    assert.deepEqual(last.json(), { status: 'answered', version: created.version + 2 });
    const file = await read(created.id);
    assert.deepEqual(
      file.departments.map((part) => [part.code, part.answer, part.reasons]),
      [
        ['OTHER-DEPT', 'partly_accepted', '일부 노선만 가능합니다'],
        ['TEST-DEPT', 'accepted', '예산을 확보해 이행하겠습니다'],
      ],
    );
    assert.deepEqual(
      file.timeline.map((event) => [event.action, event.departmentCode, event.toStatus]),
      [
        ['issue', null, 'issued'],
        ['answer', 'TEST-DEPT', 'issued'],
        ['answer', 'OTHER-DEPT', 'answered'],
      ],
    );
  });

  it('refuses an answer for a department the recommendation is not addressed to, on its field', async () => {
    const created = await createRecommendation(test.app, officer);
    const response = await post(officer, created.id, {
      ...bodies.answer,
      action: 'answer',
      version: created.version,
      departmentCode: 'OTHER-DEPT',
    });
    assert.equal(response.statusCode, 400, response.body);
    assert.equal(response.json().errors[0].field, 'body.departmentCode');
    assert.equal((await read(created.id)).version, created.version);
  });

  it('closes only with a typed reason', async () => {
    const created = await createRecommendation(test.app, officer);
    const response = await post(officer, created.id, {
      action: 'close',
      version: created.version,
      reason: 'bored',
    });
    assert.equal(response.statusCode, 400, response.body);
    assert.equal((await read(created.id)).status, 'issued');
    const closed = await post(officer, created.id, {
      action: 'close',
      version: created.version,
      reason: 'withdrawn',
    });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal((await read(created.id)).closedReason, 'withdrawn');
  });
});
