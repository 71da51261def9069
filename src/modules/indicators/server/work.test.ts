// The indicators' part of My work: the responsible department sees its indicator's value to enter
// while the cycle collects data, another department does not, and the entered value leaves the list;
// the office sees the steps' gaps that are its own; a complementation action shows for its owner
// department with its due date, not for another, and leaves once done.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { apiClient, type SessionHeaders } from '../../../kernel/server/api-testing.ts';
import { setClockNow } from '../../../kernel/server/city/clock.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import type { MyWork } from '../../../kernel/shared/work.ts';
import { modules } from '../../../server/modules.ts';

type Headers = SessionHeaders;

describe('indicators work items', () => {
  let test: TestApp;
  let officer: Headers;
  let department: Headers;
  let otherDepartment: Headers;
  let restoreClock: () => void;

  const { call, ok } = apiClient(() => test.app);
  const move = async (action: string, year = 2024) => {
    const { cycles } = await ok(await call('GET', '/indicators/cycles', officer));
    const { version } = cycles.find((cycle: { year: number }) => cycle.year === year);
    await ok(await call('POST', `/indicators/cycles/${year}/transitions`, officer, { action, version }));
  };
  const myWork = async (headers: Headers) =>
    ((await ok(await call('GET', '/my-work', headers))) as MyWork).items.filter(
      (item) => item.module === 'indicators',
    );

  before(async () => {
    // 10:00 in Seoul on 10 March 2025.
    restoreClock = setClockNow('2025-03-10T01:00:00Z');
    test = await createTestApp();
    const upToIndicators = modules.slice(0, modules.findIndex((module) => module.name === 'indicators') + 1);
    await loadDataset({
      database: test.database,
      modules: upToIndicators,
      city: 'gwangju',
      reset: false,
      demo: false,
    });
    const user = async (role: 'officer' | 'department', departmentCode?: string) =>
      (
        await signIn(
          test.app,
          await createUser(test.database, { role, ...(departmentCode ? { departmentCode } : {}) }),
        )
      ).headers;
    officer = await user('officer');
    department = await user('department', 'DHRP-DHR');
    otherDepartment = await user('department', 'DHRP-M18');
    const { indicator } = await ok(await call('GET', '/indicators/1-1'));
    const kept = ['ohchrType', 'kind', 'status', 'task', 'unit', 'numerator', 'denominator', 'direction']
      .concat(['dataSource', 'periodicity', 'responsibleDepartment', 'baseline', 'target', 'minValue'])
      .concat(['maxValue', 'changeThresholdPercent', 'tags']);
    await ok(
      await call('PUT', '/indicators/1-1', officer, {
        ...Object.fromEntries(kept.map((key) => [key, indicator[key]])),
        version: indicator.version,
        responsibleDepartment: 'DHRP-DHR',
      }),
    );
    await ok(await call('POST', '/indicators/cycles', officer, { year: 2024 }), 201);
  });
  after(async () => {
    restoreClock();
    await test.close();
  });

  it('shows the office the targets to confirm, and no department anything of the office’s', async () => {
    const items = await myWork(officer);
    const targets = items.find((item) => item.kind === 'indicators.targets_missing');
    assert.ok(targets, JSON.stringify(items));
    assert.equal(targets.key, 'indicators:2024:targets_missing');
    assert.match(targets.title.en, /2024 \(19\/19\)/);
    assert.ok(!(await myWork(department)).some((item) => item.kind === 'indicators.targets_missing'));
  });

  it('shows the responsible department its value to enter, not another department, until entered', async () => {
    await move('start_collection');
    const mine = await myWork(department);
    const value = mine.find((item) => item.key === 'indicators:2024:1-1:values');
    assert.ok(value, JSON.stringify(mine));
    assert.equal(value.kind, 'indicators.enter_values');
    assert.equal(value.departmentCode, 'DHRP-DHR');
    assert.equal(value.path, '/staff/indicators/entry');
    assert.ok(!(await myWork(otherDepartment)).some((item) => item.key.includes(':1-1:')));
    await ok(
      await call('PUT', '/indicators/1-1/values/2024', department, {
        entries: [{ dimensions: {}, value: 41, comment: null, version: 0 }],
      }),
    );
    assert.ok(!(await myWork(department)).some((item) => item.key === 'indicators:2024:1-1:values'));
  });

  it('shows a complementation action to its owner department with its due date, until done', async () => {
    await move('start_assessment');
    await move('issue_report');
    await move('start_complementation');
    assert.ok(
      (await myWork(officer)).some((item) => item.kind === 'indicators.actions_missing'),
      'the office is asked to create actions',
    );
    const created = await ok(
      await call('POST', '/indicators/cycles/2024/actions', officer, {
        indicatorCode: '1-1',
        description: 'Extend the survey',
        ownerDepartment: 'DHRP-DHR',
        dueDate: '2025-03-14',
      }),
      201,
    );
    const action = (await myWork(department)).find((item) => item.key === `indicators:action:${created.id}`);
    assert.ok(action);
    assert.equal(action.dueOn, '2025-03-14');
    assert.equal(action.dueState, 'due_soon');
    assert.equal(action.title.en, '1-1 Extend the survey');
    // Once the cycle has left data collection, no value is asked for any more.
    assert.ok(!(await myWork(department)).some((item) => item.kind === 'indicators.enter_values'));
    assert.ok(!(await myWork(otherDepartment)).some((item) => item.key === action.key));
    await ok(
      await call('PATCH', `/indicators/actions/${created.id}`, department, {
        version: created.version,
        status: 'done',
      }),
    );
    assert.ok(!(await myWork(department)).some((item) => item.key === action.key));
  });
});
