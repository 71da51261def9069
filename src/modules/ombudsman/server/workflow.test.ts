/**
 * Every allowed and every refused transition, by walking the transition table: each (state, action)
 * pair in the table succeeds for a caller with the capacity and is refused (403 or 404) for one
 * without; each pair not in the table is a 409 whoever asks. Also: stale versions, and every step
 * timestamped in the timeline and the audit trail.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { type CaseAction, type CaseStatus, caseActions, caseStatuses } from '../contract.ts';
import { createCase, createOmbudsmanMember, type TestMember } from '../test/factories.ts';
import { type Capacity, transitionFor, transitions } from './workflow.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

describe('ombudsman case workflow', () => {
  let test: TestApp;
  let standing: TestMember;
  let assigned: TestMember;
  const as: Partial<Record<Capacity, Headers>> = {};

  before(async () => {
    test = await createTestApp();
    standing = await createOmbudsmanMember(test.database, { standing: true });
    assigned = await createOmbudsmanMember(test.database, { standing: false });
    const officer = await createUser(test.database, { role: 'officer' });
    const department = await createUser(test.database, { role: 'department', departmentCode: 'TEST-DEPT' });
    as.standing = (await signIn(test.app, standing)).headers;
    as.assigned = (await signIn(test.app, assigned)).headers;
    as.officer = (await signIn(test.app, officer)).headers;
    as.department = (await signIn(test.app, department)).headers;
  });
  after(() => test.close());

  const post = (headers: Headers, caseId: string, payload: Record<string, unknown>) =>
    test.app.inject({
      method: 'POST',
      url: `/api/v1/ombudsman/cases/${caseId}/transitions`,
      headers,
      payload,
    });

  const readCase = async (caseId: string) => {
    const response = await test.app.inject({
      method: 'GET',
      url: `/api/v1/ombudsman/cases/${caseId}?purpose=test`,
      headers: as.standing,
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };

  /** A case in `status`, prepared so that `action` has what it needs (a request to answer, …). */
  async function prepare(status: CaseStatus, action: CaseAction) {
    const created = await createCase(
      test.database,
      test.config,
      standing,
      status,
      {},
      {
        assignedTo: [assigned.id],
      },
    );
    let version = created.version;
    const step = async (payload: Record<string, unknown>) => {
      const response = await post(as.standing as Headers, created.id, { ...payload, version });
      assert.equal(response.statusCode, 200, response.body);
      version = response.json().version;
    };
    if (status === 'investigation' && action === 'answer_information') {
      await step({
        action: 'request_information',
        departmentCode: 'TEST-DEPT',
        question: '자료를 보내 주세요',
      });
    }
    if (status === 'decided' && action === 'issue_recommendations') {
      await step({ action: 'recommend', departmentCode: 'TEST-DEPT', body: '권고' });
    }
    const file = await readCase(created.id);
    return { id: created.id, version, file };
  }

  function bodyFor(
    action: CaseAction,
    file: { informationRequests: { id: string }[]; recommendations: { id: string }[] },
  ) {
    const someId = '00000000-0000-4000-8000-000000000000';
    const bodies: Record<CaseAction, Record<string, unknown>> = {
      start_assessment: {},
      admit: {},
      dismiss: { reason: 'outside_mandate' },
      refer: { referredTo: '국가인권위원회' },
      assign: { userIds: [assigned.id] },
      add_note: { body: '조사 메모' },
      request_information: { departmentCode: 'TEST-DEPT', question: '자료 요청' },
      answer_information: { requestId: file.informationRequests[0]?.id ?? someId, answer: '회신합니다' },
      decide: { outcome: 'violation_found', facts: '인정 사실', grounds: '판단 이유' },
      recommend: { departmentCode: 'TEST-DEPT', body: 'CCTV 철거' },
      issue_recommendations: {},
      respond_recommendation: {
        recommendationId: file.recommendations[0]?.id ?? someId,
        response: 'accepted',
        implemented: true,
      },
      close: { reason: 'recommendations_followed_up' },
      reopen: { reason: '새로운 증거가 제출됨' },
    };
    return { action, ...bodies[action] };
  }

  for (const status of caseStatuses) {
    for (const action of caseActions) {
      const row = transitionFor(status, action);
      if (row) {
        it(`${status} --${action}--> ${row.to}: allowed for ${row.by.join(', ')}, refused for others`, async () => {
          const { id, version, file } = await prepare(status, action);
          const outsider: Capacity = row.by.includes('officer') ? 'department' : 'officer';
          const refused = await post(as[outsider] as Headers, id, { ...bodyFor(action, file), version });
          assert.ok(
            [403, 404].includes(refused.statusCode),
            `${outsider}: ${refused.statusCode} ${refused.body}`,
          );

          const allowed = await post(as[row.by[0] as Capacity] as Headers, id, {
            ...bodyFor(action, file),
            version,
          });
          assert.equal(allowed.statusCode, 200, allowed.body);
          assert.deepEqual(allowed.json(), { status: row.to, version: version + 1 });
          const after = await readCase(id);
          const last = after.events.at(-1);
          assert.equal(last.action, action);
          assert.equal(last.fromStatus, status);
          assert.equal(last.toStatus, row.to);
          assert.ok(Date.parse(last.at) > 0);
        });
      } else {
        it(`${status} --${action}--> refused with 409`, async () => {
          const { id, version, file } = await prepare(status, action);
          const response = await post(as.standing as Headers, id, { ...bodyFor(action, file), version });
          assert.equal(response.statusCode, 409, response.body);
          assert.equal(response.json().code, 'ombudsman_transition_not_allowed');
          assert.equal((await readCase(id)).status, status);
        });
      }
    }
  }

  it('every table row names a real capacity and leads to a known state', () => {
    for (const row of transitions) {
      assert.ok(caseStatuses.includes(row.to));
      assert.ok(row.by.length > 0);
    }
  });

  it('refuses a stale version with 409 conflict and changes nothing', async () => {
    const created = await createCase(test.database, test.config, standing, 'received');
    const first = await post(as.officer as Headers, created.id, {
      action: 'start_assessment',
      version: created.version,
    });
    assert.equal(first.statusCode, 200);
    const stale = await post(as.standing as Headers, created.id, {
      action: 'refer',
      referredTo: 'NHRCK',
      version: created.version,
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'conflict');
    assert.equal((await readCase(created.id)).status, 'assessment');
  });

  it('audits every step with its actor and time', async () => {
    const created = await createCase(test.database, test.config, standing, 'investigation');
    const rows = await sql<{ action: string; actor_id: string | null; at: Date }>`
      select action, actor_id, at from audit_trail where entity_id = ${created.id} order by id`.execute(
      test.database.db,
    );
    assert.deepEqual(
      rows.rows.map((row) => row.action),
      ['ombudsman.file-complaint', 'ombudsman.start-assessment', 'ombudsman.admit'],
    );
    assert.equal(rows.rows[1]?.actor_id, standing.id);
  });
});
