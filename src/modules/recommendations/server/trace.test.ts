/**
 * Traceability (issue 16, item 4): links to action-plan tasks and indicators (who may set them, when,
 * and strict validation that changes nothing), the filters the tasks' and indicators' pages read
 * back, and the one timeline: issued, answered, accepted task reports, published indicator values
 * since the issue, closed; the public one without what is not public.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import { taskInput } from '../../plan/test/factories.ts';
import type { RecommendationList, StaffRecommendation, Trace } from '../contract.ts';
import { createRecommendation, type Headers } from '../test/factories.ts';

const seeding = modules.filter((module) =>
  ['vocab', 'seed', 'plan', 'indicators', 'recommendations'].includes(module.name),
);

describe('recommendations traceability', () => {
  let test: TestApp;
  let officer: Headers;
  let dhr: Headers;
  let hro: Headers;
  let publicTask: number;
  let privateTask: number;

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, headers?: Headers, payload?: unknown) =>
    test.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(headers ? { headers } : {}),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const ok = async <T>(
    response: Promise<{ statusCode: number; body: string; json(): unknown }>,
    status = 200,
  ) => {
    const answered = await response;
    assert.equal(answered.statusCode, status, answered.body);
    return answered.json() as T;
  };
  const staffRead = (id: string) =>
    ok<StaffRecommendation>(call('GET', `/recommendations/staff/${id}`, officer));
  /** A report on the task by its lead department (DHRP-DHR), accepted by the office. */
  const acceptedReport = async (taskId: number, period: string) => {
    const report = await ok<{ id: number }>(
      call('POST', `/plan/staff/tasks/${taskId}/reports`, dhr, {
        period,
        statusCode: 'in-progress',
        narrative: 'Buses ordered.',
        budgetExecuted: null,
        nextSteps: null,
        evidenceLinks: [],
      }),
      201,
    );
    await ok(
      call('POST', `/plan/staff/reports/${report.id}/review`, officer, { decision: 'accept', comment: null }),
    );
  };

  before(async () => {
    test = await createTestApp();
    await loadDataset({
      database: test.database,
      modules: seeding,
      city: 'gwangju',
      reset: false,
      demo: false,
    });
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
    dhr = (
      await signIn(
        test.app,
        await createUser(test.database, { role: 'department', departmentCode: 'DHRP-DHR' }),
      )
    ).headers;
    hro = (
      await signIn(test.app, await createUser(test.database, { role: 'department', departmentCode: 'HRO' }))
    ).headers;
    publicTask = (
      await ok<{ id: number }>(call('POST', '/plan/staff/tasks', officer, taskInput({ code: 'T-1' })), 201)
    ).id;
    privateTask = (
      await ok<{ id: number }>(
        call('POST', '/plan/staff/tasks', officer, taskInput({ code: 'T-2', isPublic: false })),
        201,
      )
    ).id;
    // Published history (no cycle): 2023 before the issue, 2024 after it.
    await ok(
      test.app.inject({
        method: 'POST',
        url: '/api/v1/indicators/1-1/observations',
        headers: { ...officer, 'content-type': 'text/csv' },
        payload: 'Year,Value\n2023,120\n2024,135\n',
      }),
    );
  });
  after(() => test.close());

  it('links by the department once answered, refuses unknown tasks and indicators on their fields, and builds one timeline', async () => {
    const created = await createRecommendation(test.app, officer, {
      departments: ['DHRP-DHR'],
      isPublic: true,
      issuedOn: '2024-01-10',
      answerDue: null,
      implementationDue: null,
    });
    const links = (version: number, tasks: string[], indicators: string[], headers = dhr) =>
      call('PUT', `/recommendations/${created.id}/links`, headers, { version, tasks, indicators });

    // Not before it has answered; never by a department it is not addressed to.
    const early = await links(created.version, [String(publicTask)], []);
    assert.equal(early.statusCode, 409, early.body);
    assert.equal(early.json().code, 'recommendations_links_not_now');
    assert.equal((await links(created.version, [String(publicTask)], [], hro)).statusCode, 404);

    await ok(
      call('POST', `/recommendations/${created.id}/transitions`, dhr, {
        action: 'answer',
        version: created.version,
        departmentCode: 'DHRP-DHR',
        answer: 'accepted',
        reasons: '저상버스 도입 계획에 반영',
      }),
    );
    let version = (await staffRead(created.id)).version;

    const unknownTask = await links(version, [String(publicTask), '999999'], ['1-1']);
    assert.equal(unknownTask.statusCode, 400, unknownTask.body);
    assert.deepEqual(
      unknownTask.json().errors.map((error: { field: string }) => error.field),
      ['body.tasks.1'],
    );
    const unknownIndicator = await links(version, [], ['1-1', '9-99']);
    assert.equal(unknownIndicator.statusCode, 400, unknownIndicator.body);
    assert.equal(unknownIndicator.json().errors[0].field, 'body.indicators.1');
    const malformed = await links(version, ['abc'], []);
    assert.equal(malformed.statusCode, 400, malformed.body);
    assert.equal((await staffRead(created.id)).version, version, 'a refused link changes nothing');
    assert.deepEqual(
      (await ok<Trace>(call('GET', `/recommendations/staff/${created.id}/trace`, officer))).links,
      [],
    );

    const linked = await ok<{ version: number }>(
      links(version, [String(publicTask), String(privateTask)], ['1-1']),
    );
    assert.equal(linked.version, version + 1);
    const stale = await links(version, [], []);
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'conflict');
    version = linked.version;

    await acceptedReport(publicTask, '2024-Q1');
    await acceptedReport(privateTask, '2024-Q1');
    await ok(
      call('POST', `/recommendations/${created.id}/transitions`, officer, {
        action: 'close',
        version,
        reason: 'superseded',
        note: '새 권고로 대체',
      }),
    );

    const open = await ok<Trace>(call('GET', `/recommendations/${created.id}/trace`));
    assert.deepEqual(
      open.links.map((link) => [link.type, link.id, link.path]),
      [
        ['task', String(publicTask), `/plan/tasks/${publicTask}`],
        ['indicator', '1-1', '/indicators/1-1'],
      ],
      'a task that is not public is not linked in public',
    );
    assert.deepEqual(
      open.timeline.map((entry) => [entry.kind, entry.link?.id ?? null]),
      [
        ['issue', null],
        ['indicator_value', '1-1'],
        ['answer', null],
        ['task_report', String(publicTask)],
        ['close', null],
      ],
    );
    assert.equal(open.timeline[0]?.date, '2024-01-10');
    assert.equal(open.timeline[1]?.date, '2024', 'only the values since the year of issue');
    assert.match(open.timeline[1]?.label?.en ?? '', /135/);
    assert.doesNotMatch(JSON.stringify(open), /T-2|120/);
    assert.equal(open.timeline[4]?.event?.reason, 'superseded');

    const staff = await ok<Trace>(call('GET', `/recommendations/staff/${created.id}/trace`, dhr));
    assert.deepEqual(
      staff.timeline.filter((entry) => entry.kind === 'task_report').map((entry) => entry.link?.id),
      [String(publicTask), String(privateTask)],
    );
    assert.equal((await call('GET', `/recommendations/staff/${created.id}/trace`, hro)).statusCode, 404);

    // The task's and the indicator's pages read it back through the public list.
    const ids = (list: RecommendationList) => list.items.map((item) => item.id);
    assert.deepEqual(ids(await ok(call('GET', `/recommendations?task=${publicTask}`))), [created.id]);
    assert.deepEqual(ids(await ok(call('GET', '/recommendations?indicator=1-1'))), [created.id]);
    assert.deepEqual(ids(await ok(call('GET', '/recommendations?indicator=1-2'))), []);
  });

  it('keeps a non-public recommendation and its timeline out of the public answers linked to a task', async () => {
    const hidden = await createRecommendation(test.app, officer, {
      departments: ['HRO'],
      isPublic: false,
      issuedOn: '2024-02-01',
    });
    await ok(
      call('PUT', `/recommendations/${hidden.id}/links`, officer, {
        version: hidden.version,
        tasks: [String(publicTask)],
        indicators: [],
      }),
    );
    assert.equal((await call('GET', `/recommendations/${hidden.id}/trace`)).statusCode, 404);
    const list = await ok<RecommendationList>(call('GET', `/recommendations?task=${publicTask}`));
    assert.ok(!list.items.some((item) => item.id === hidden.id));
    const staffList = await ok<RecommendationList>(
      call('GET', `/recommendations/staff?task=${publicTask}`, hro),
    );
    assert.ok(staffList.items.some((item) => item.id === hidden.id));
  });

  it('filters by right, target group and SDG goal (a goal or any of its targets), and by year', async () => {
    const tagged = await createRecommendation(test.app, officer, {
      departments: ['HRO'],
      isPublic: true,
      issuedOn: '2025-05-05',
      tags: [
        { vocabulary: 'rights', code: 'udhr-3' },
        { vocabulary: 'target-groups', code: 'women' },
        { vocabulary: 'sdg-targets', code: '10.2' },
      ],
    });
    const goal = await createRecommendation(test.app, officer, {
      departments: ['HRO'],
      isPublic: true,
      issuedOn: '2025-06-06',
      tags: [{ vocabulary: 'sdg-goals', code: '10' }],
    });
    const ids = async (query: string) =>
      (await ok<RecommendationList>(call('GET', `/recommendations?${query}`))).items.map((item) => item.id);
    assert.deepEqual(await ids('right=udhr-3'), [tagged.id]);
    assert.deepEqual(await ids('targetGroup=women'), [tagged.id]);
    assert.deepEqual(await ids('targetGroup=children-youth'), []);
    assert.deepEqual(await ids('sdg=10'), [goal.id, tagged.id]);
    assert.deepEqual(await ids('sdg=1'), [], 'goal 1 is not goal 10 (nor target 10.2)');
    assert.deepEqual(await ids('sdg=10&right=udhr-3&year=2025'), [tagged.id]);
    const bad = await call('GET', '/recommendations?sdg=18&task=x');
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
      ['querystring.sdg', 'querystring.task'],
    );
  });
});
