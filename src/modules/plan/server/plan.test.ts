// The plan API on the real app: the dataset's plans, tasks and their weighted roll-up, department
// boundaries, the report cycle with its history, overdue reports, comments, and the public views.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { setClockNow } from '../../../kernel/server/city/clock.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import type { MyWork } from '../../../kernel/shared/work.ts';
import { modules } from '../../../server/modules.ts';
import type { CreateTaskInput, PublicTask, PublicYear, Report, TaskDetail } from '../contract.ts';
import { planModule } from '../module.ts';
import { taskInput } from '../test/factories.ts';

type Headers = Awaited<ReturnType<typeof signIn>>['headers'];

describe('the plan API', () => {
  let test: TestApp;
  let officer: Headers;
  let admin: Headers;
  let ownDepartment: Headers;
  let otherDepartment: Headers;
  let cooperating: Headers;
  let committee: Headers;

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, headers?: Headers, payload?: unknown) =>
    test.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(headers ? { headers } : {}),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const create = async (overrides: Partial<CreateTaskInput>) => {
    const response = await call('POST', '/plan/staff/tasks', officer, taskInput(overrides));
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as TaskDetail;
  };
  const report = async (taskId: number, period: string, statusCode: string, headers = ownDepartment) =>
    call('POST', `/plan/staff/tasks/${taskId}/reports`, headers, {
      period,
      statusCode,
      narrative: 'Done what we said.',
      budgetExecuted: 400,
      nextSteps: null,
      evidenceLinks: ['https://example.org/evidence'],
    });
  const review = async (reportId: number, decision: 'accept' | 'return', comment: string | null = null) =>
    call('POST', `/plan/staff/reports/${reportId}/review`, officer, { decision, comment });

  before(async () => {
    test = await createTestApp();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
    const sign = async (role: 'officer' | 'admin' | 'department' | 'committee', departmentCode?: string) =>
      (
        await signIn(
          test.app,
          await createUser(test.database, { role, ...(departmentCode ? { departmentCode } : {}) }),
        )
      ).headers;
    officer = await sign('officer');
    admin = await sign('admin');
    ownDepartment = await sign('department', 'DHRP-DHR');
    otherDepartment = await sign('department', 'HRO');
    cooperating = await sign('department', 'DHRP-M18');
    committee = await sign('committee');
  });
  after(() => test?.close());

  it('loads the two basic plans, the six areas and the stated count of 123 tasks, and no task', async () => {
    const response = await call('GET', '/plan');
    assert.equal(response.statusCode, 200);
    const { plans, years } = response.json() as {
      plans: {
        code: string;
        startYear: number;
        endYear: number;
        areas: { name: { en: string } }[];
        figures: { key: string; value: number }[];
      }[];
      years: number[];
    };
    assert.deepEqual(
      plans.map((plan) => [plan.code, plan.startYear, plan.endYear]),
      [
        ['first', 2012, 2016],
        ['second', 2018, 2022],
      ],
    );
    const second = plans[1];
    assert.equal(second?.areas.length, 6);
    assert.equal(second?.areas[0]?.name.en, 'Promotion of human rights for social minorities');
    assert.equal(second?.figures.find((figure) => figure.key === 'policy-tasks')?.value, 123);
    assert.equal(second?.figures.find((figure) => figure.key === 'areas')?.value, 6);
    assert.deepEqual(years, [], 'the dataset names no task, so none is loaded');
  });

  it('rolls progress up by weight through three levels once reports are accepted', async () => {
    await create({ year: 2030, code: 'R' });
    await create({ year: 2030, code: 'R.1', parentCode: 'R', weight: 3 });
    const leafA = await create({ year: 2030, code: 'R.1.1', parentCode: 'R.1', weight: 1 });
    await create({ year: 2030, code: 'R.1.2', parentCode: 'R.1', weight: 3 });
    const leafC = await create({ year: 2030, code: 'R.2', parentCode: 'R', weight: 1 });
    const first = (await report(leafA.id, '2030-Q1', 'completed')).json() as Report;
    assert.equal((await review(first.id, 'accept')).statusCode, 200);
    const second = (await report(leafC.id, '2030-Q1', 'in-progress')).json() as Report;
    assert.equal((await review(second.id, 'accept')).statusCode, 200);

    const response = await call('GET', '/plan/years/2030');
    assert.equal(response.statusCode, 200);
    const view = response.json() as PublicYear;
    const progressOf = (code: string) => view.tasks.find((task) => task.code === code)?.progress;
    assert.equal(progressOf('R.1.1'), 100);
    assert.equal(progressOf('R.1.2'), 0);
    assert.equal(progressOf('R.1'), 25);
    assert.equal(progressOf('R.2'), 50);
    assert.equal(progressOf('R'), 31.3, '(25 × 3 + 50 × 1) / 4, to one decimal');
    assert.equal(view.progress, 31.3, 'the year counts its top-level task');
    assert.equal(view.byArea[0]?.code, 'social-minorities');
    assert.equal(view.byDepartment[0]?.code, 'DHRP-DHR');

    const parentReport = await report(
      view.tasks.find((task) => task.code === 'R')?.id ?? 0,
      '2030-Q1',
      'completed',
    );
    assert.equal(parentReport.statusCode, 409, 'a parent takes its progress from its children');
  });

  it('keeps a department to its own tasks: another cannot read or report, a cooperator reads only', async () => {
    const task = await create({ year: 2031, code: 'D-1', cooperatingDepartments: ['DHRP-M18'] });
    assert.equal((await call('GET', `/plan/staff/tasks/${task.id}`, otherDepartment)).statusCode, 403);
    assert.equal((await report(task.id, '2031-Q1', 'started', otherDepartment)).statusCode, 403);
    const list = (await call('GET', '/plan/staff/years/2031/tasks', otherDepartment)).json() as {
      tasks: unknown[];
    };
    assert.equal(list.tasks.length, 0);

    const seen = await call('GET', `/plan/staff/tasks/${task.id}`, cooperating);
    assert.equal(seen.statusCode, 200);
    assert.equal((seen.json() as TaskDetail).may.report, false);
    assert.equal((await report(task.id, '2031-Q1', 'started', cooperating)).statusCode, 403);

    const own = await call('GET', `/plan/staff/tasks/${task.id}`, ownDepartment);
    assert.equal((own.json() as TaskDetail).may.report, true);
    assert.equal((await report(task.id, '2031-Q1', 'started')).statusCode, 201);
    assert.equal((await report(task.id, '2031-Q9', 'started')).statusCode, 400, 'not a period of the year');
    assert.equal(
      (await call('POST', '/plan/staff/tasks', ownDepartment, taskInput({ code: 'X' }))).statusCode,
      403,
    );
  });

  it('lets a returned report be resubmitted and keeps both revisions in the history', async () => {
    const task = await create({ year: 2032, code: 'H-1' });
    const first = (await report(task.id, '2032-Q2', 'started')).json() as Report;
    assert.equal(
      (await report(task.id, '2032-Q2', 'started')).statusCode,
      409,
      'one pending report per period',
    );
    const noComment = await review(first.id, 'return');
    assert.equal(noComment.statusCode, 400);
    assert.equal((await review(first.id, 'return', 'Add the evidence.')).statusCode, 200);
    assert.equal(
      (await review(first.id, 'accept')).statusCode,
      409,
      'a returned report is not reviewed again',
    );
    const second = await report(task.id, '2032-Q2', 'advanced');
    assert.equal(second.statusCode, 201);
    assert.equal((second.json() as Report).revision, 2);
    assert.equal((await review((second.json() as Report).id, 'accept')).statusCode, 200);

    const detail = (await call('GET', `/plan/staff/tasks/${task.id}`, officer)).json() as TaskDetail;
    assert.deepEqual(
      detail.reports.map((entry) => [entry.period, entry.revision, entry.state, entry.reviewComment]),
      [
        ['2032-Q2', 2, 'accepted', null],
        ['2032-Q2', 1, 'returned', 'Add the evidence.'],
      ],
    );
    assert.equal(detail.progress, 75);
    assert.equal(detail.budgetExecuted, 400);
  });

  it('lists overdue reports per department once a period has ended', async () => {
    const task = await create({ year: 2020, code: 'O-1' });
    await create({ year: 2020, code: 'O-2', leadDepartment: 'HRO' });
    const answered = (await report(task.id, '2020-Q1', 'started')).json() as Report;
    assert.ok(answered.id);
    const overdue = (await call('GET', '/plan/staff/years/2020/overdue', officer)).json() as {
      departments: { code: string; items: { code: string; period: { code: string } }[] }[];
    };
    const own = overdue.departments.find((entry) => entry.code === 'DHRP-DHR');
    assert.deepEqual(
      own?.items.map((item) => item.period.code),
      ['2020-Q2', '2020-Q3', '2020-Q4'],
    );
    assert.equal(overdue.departments.find((entry) => entry.code === 'HRO')?.items.length, 4);
    const mine = (
      await call('GET', '/plan/staff/years/2020/overdue', ownDepartment)
    ).json() as typeof overdue;
    assert.deepEqual(
      mine.departments.map((entry) => entry.code),
      ['DHRP-DHR'],
    );

    const settings = await call('PUT', '/plan/staff/years/2020', officer, {
      periodsPerYear: 2,
      review: null,
      version: 0,
    });
    assert.equal(settings.statusCode, 200, settings.body);
    const halves = (await call('GET', '/plan/staff/years/2020/overdue', officer)).json() as typeof overdue;
    assert.deepEqual(
      halves.departments.find((entry) => entry.code === 'HRO')?.items.map((item) => item.period.code),
      ['2020-H1', '2020-H2'],
    );
    const together = await Promise.all(
      Array.from({ length: 5 }, () =>
        call('PUT', '/plan/staff/years/2019', officer, { periodsPerYear: 12, review: null, version: 0 }),
      ),
    );
    assert.deepEqual(
      together.map((response) => response.statusCode).sort(),
      [200, 409, 409, 409, 409],
      'five first saves at once: one wins, the others are told their version is stale',
    );
    const stale = await call('PUT', '/plan/staff/years/2020', officer, {
      periodsPerYear: 4,
      review: null,
      version: 0,
    });
    assert.equal(stale.statusCode, 409);
  });

  it('refuses a stale edit and an unknown department, naming the field', async () => {
    const task = await create({ year: 2033, code: 'E-1' });
    const { year: _year, ...fields } = taskInput({ code: 'E-1' });
    const edited = await call('PUT', `/plan/staff/tasks/${task.id}`, officer, {
      ...fields,
      weight: 2,
      version: 1,
    });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal((edited.json() as TaskDetail).version, 2);
    assert.equal(
      (await call('PUT', `/plan/staff/tasks/${task.id}`, officer, { ...fields, version: 1 })).statusCode,
      409,
    );
    const unknown = await call(
      'POST',
      '/plan/staff/tasks',
      officer,
      taskInput({ year: 2033, code: 'E-2', leadDepartment: 'NOPE' }),
    );
    assert.equal(unknown.statusCode, 400);
    assert.equal((unknown.json() as { errors: { field: string }[] }).errors[0]?.field, 'body.leadDepartment');
    const cycle = await call('PUT', `/plan/staff/tasks/${task.id}`, officer, {
      ...fields,
      parentCode: 'E-1',
      version: 2,
    });
    assert.equal(cycle.statusCode, 400);
  });

  it('takes committee comments and the office’s answers; a department cannot comment', async () => {
    const task = await create({ year: 2034, code: 'C-1' });
    const comment = await call('POST', `/plan/staff/tasks/${task.id}/comments`, committee, {
      body: 'Why so slow?',
      answerTo: null,
    });
    assert.equal(comment.statusCode, 201);
    const id = (comment.json() as { id: number }).id;
    const answer = await call('POST', `/plan/staff/tasks/${task.id}/comments`, officer, {
      body: 'Budget came late.',
      answerTo: id,
    });
    assert.equal(answer.statusCode, 201);
    assert.equal(
      (await call('POST', `/plan/staff/tasks/${task.id}/comments`, committee, { body: 'x', answerTo: id }))
        .statusCode,
      403,
      'answers are the office’s',
    );
    assert.equal(
      (
        await call('POST', `/plan/staff/tasks/${task.id}/comments`, ownDepartment, {
          body: 'x',
          answerTo: null,
        })
      ).statusCode,
      403,
    );
    const yearComment = await call('POST', '/plan/staff/years/2034/comments', committee, {
      body: 'Review noted.',
      answerTo: null,
    });
    assert.equal(yearComment.statusCode, 201);
    const detail = (await call('GET', `/plan/staff/tasks/${task.id}`, committee)).json() as TaskDetail;
    assert.deepEqual(
      detail.comments.map((entry) => [entry.authorRole, entry.answerTo]),
      [
        ['committee', null],
        ['officer', id],
      ],
    );
  });

  it('keeps non-public tasks out of the public views, open data and search; admins change statuses', async () => {
    await create({
      year: 2035,
      code: 'P-1',
      title: { ko: '공개 과제 인권교육', en: 'Public task on education' },
    });
    const hidden = await create({
      year: 2035,
      code: 'P-2',
      isPublic: false,
      title: { ko: '비공개 인권교육', en: 'Hidden' },
    });
    const view = (await call('GET', '/plan/years/2035')).json() as PublicYear;
    assert.deepEqual(
      view.tasks.map((task) => task.code),
      ['P-1'],
    );
    assert.equal((await call('GET', `/plan/tasks/${hidden.id}`)).statusCode, 404);
    const dataset = planModule.openData?.find((entry) => entry.id === 'action-plan-tasks');
    const rows = (await dataset?.rows(test.database.db)) ?? [];
    assert.ok(rows.some((row) => row.code === 'P-1'));
    assert.ok(!rows.some((row) => row.code === 'P-2'));
    const hits = (await planModule.publicSearch?.(test.database.db, '인권교육', 10)) ?? [];
    assert.deepEqual(
      hits.map((hit) => hit.title.en),
      ['Public task on education'],
    );

    const status = { name: { ko: '지연', en: 'Delayed' }, progress: 10, sortOrder: 5, version: 0 };
    assert.equal((await call('PUT', '/plan/staff/statuses/delayed', officer, status)).statusCode, 403);
    const saved = await call('PUT', '/plan/staff/statuses/delayed', admin, status);
    assert.equal(saved.statusCode, 200);
    assert.equal((saved.json() as { statuses: { code: string }[] }).statuses[0]?.code, 'delayed');
    const task = (await call('GET', `/plan/tasks/${view.tasks[0]?.id}`)).json() as PublicTask;
    assert.equal(task.statuses[0]?.code, 'delayed');
  });

  it('puts a lead department’s reports waiting in My work, due at each period’s end, and only its own', async () => {
    const restore = setClockNow('2041-08-10T01:00:00Z');
    try {
      const parent = await create({ year: 2041, code: 'W' });
      const leaf = await create({ year: 2041, code: 'W-1', parentCode: parent.code });
      await create({ year: 2041, code: 'W-2', leadDepartment: 'HRO' });
      assert.equal((await report(leaf.id, '2041-Q1', 'started')).statusCode, 201);
      const second = (await report(leaf.id, '2041-Q2', 'started')).json() as Report;
      assert.equal((await review(second.id, 'return', 'Add the evidence.')).statusCode, 200);

      const work = async (headers: Headers) =>
        ((await call('GET', '/my-work', headers)).json() as MyWork).items.filter(
          (item) => item.module === 'plan',
        );
      assert.deepEqual(
        (await work(ownDepartment)).map((item) => [
          item.title.en,
          item.action.en,
          item.dueOn,
          item.dueState,
          item.path,
        ]),
        [
          [
            `W-1 ${leaf.title.en} (2041-Q2)`,
            'Resubmit the returned progress report',
            '2041-06-30',
            'overdue',
            `/plan/staff/tasks/${leaf.id}`,
          ],
          [
            `W-1 ${leaf.title.en} (2041-Q3)`,
            'Submit the progress report',
            '2041-09-30',
            'upcoming',
            `/plan/staff/tasks/${leaf.id}`,
          ],
        ],
        'the submitted Q1, the parent and the Q4 not begun are not waiting',
      );
      assert.deepEqual(
        (await work(otherDepartment)).map((item) => item.title.en.split(' ')[0]),
        ['W-2', 'W-2', 'W-2'],
      );
      assert.deepEqual(await work(cooperating), []);
      assert.deepEqual(await work(officer), []);
    } finally {
      restore();
    }
  });
});
