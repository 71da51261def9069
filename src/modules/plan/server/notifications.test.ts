/**
 * A returned progress report is announced to the task's lead department in the review's own
 * transaction; an acceptance, or a refused review, announces nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { notificationsDb } from '../../../kernel/server/notifications/queries.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import type { Report, TaskDetail } from '../contract.ts';
import { taskInput } from '../test/factories.ts';

type Headers = Awaited<ReturnType<typeof signIn>>['headers'];

describe('plan: notifications', () => {
  let test: TestApp;
  let officer: Headers;
  let department: Headers;
  let departmentId: string;
  let otherDepartmentId: string;

  const call = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) =>
    test.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const noticesOf = async (userId: string) =>
    notificationsDb(test.database.db)
      .selectFrom('notifications_items')
      .selectAll()
      .where('user_id', '=', userId)
      .where('kind', '=', 'plan.report_returned')
      .execute();

  before(async () => {
    test = await createTestApp();
    const seeding = modules.filter((module) => ['vocab', 'seed', 'plan'].includes(module.name));
    await loadDataset({
      database: test.database,
      modules: seeding,
      city: 'gwangju',
      reset: false,
      demo: false,
    });
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
    const lead = await createUser(test.database, { role: 'department', departmentCode: 'DHRP-DHR' });
    departmentId = lead.id;
    department = (await signIn(test.app, lead)).headers;
    otherDepartmentId = (await createUser(test.database, { role: 'department', departmentCode: 'HRO' })).id;
  });
  after(() => test.close());

  it('tells the lead department its report was returned, and nobody of an acceptance or a refused review', async () => {
    const created = await call('POST', '/plan/staff/tasks', officer, taskInput({ code: 'NOTE-1' }));
    assert.equal(created.statusCode, 201, created.body);
    const task = created.json() as TaskDetail;
    const submit = async (period: string) => {
      const response = await call('POST', `/plan/staff/tasks/${task.id}/reports`, department, {
        period,
        statusCode: 'in-progress',
        narrative: 'Done what we said.',
        budgetExecuted: 400,
        nextSteps: null,
        evidenceLinks: [],
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as Report;
    };
    const review = (id: number, decision: 'accept' | 'return', comment: string | null) =>
      call('POST', `/plan/staff/reports/${id}/review`, officer, { decision, comment });

    const first = await submit('2024-Q1');
    // Refused: a return needs a comment.
    assert.equal((await review(first.id, 'return', null)).statusCode, 400);
    assert.equal((await noticesOf(departmentId)).length, 0);
    assert.equal((await review(first.id, 'accept', null)).statusCode, 200);
    assert.equal((await noticesOf(departmentId)).length, 0, 'an acceptance is not announced');

    const second = await submit('2024-Q2');
    assert.equal((await review(second.id, 'return', 'Add the evidence.')).statusCode, 200);
    const [notice, ...more] = await noticesOf(departmentId);
    assert.ok(notice);
    assert.equal(more.length, 0);
    assert.ok(notice.title_en.includes('NOTE-1') && notice.title_en.includes('2024-Q2'), notice.title_en);
    assert.equal(notice.path, `/plan/staff/tasks/${task.id}`);
    assert.equal((await noticesOf(otherDepartmentId)).length, 0);
    // Refused: a returned report is not reviewed again.
    assert.equal((await review(second.id, 'return', 'Again.')).statusCode, 409);
    assert.equal((await noticesOf(departmentId)).length, 1);
  });
});
