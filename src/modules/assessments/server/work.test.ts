// The impact assessments' part of My work: the office sees each assessment waiting for it to move on;
// the subject's department sees the recommendations to answer once they are sent, another department
// does not, and the item leaves once answered (the office then has the next step); the accepted
// recommendation asks the department for its revision until one is recorded.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import type { MyWork } from '../../../kernel/shared/work.ts';
import { modules } from '../../../server/modules.ts';
import type { Assessment } from '../contract.ts';

type Headers = Record<string, string>;

describe('assessments work items', () => {
  let test: TestApp;
  let officer: Headers;
  let roads: Headers;
  let welfare: Headers;
  let id: number;
  let recommendationId: number;

  const ok = async <T>(headers: Headers, method: string, url: string, payload?: unknown) => {
    const response = await test.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
    return (response.body ? response.json() : undefined) as T;
  };
  const move = async (action: string) => {
    const current = await ok<Assessment>(officer, 'GET', `/assessments/${id}`);
    await ok(officer, 'POST', `/assessments/${id}/transitions`, { action, version: current.version });
  };
  const myWork = async (headers: Headers) =>
    (await ok<MyWork>(headers, 'GET', '/my-work')).items.filter((item) => item.module === 'assessments');

  before(async () => {
    test = await createTestApp();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
    const session = async (role: 'officer' | 'department', departmentCode?: string) =>
      (
        await signIn(
          test.app,
          await createUser(test.database, { role, departmentCode: departmentCode ?? null }),
        )
      ).headers;
    officer = await session('officer');
    roads = await session('department', 'ROADS');
    welfare = await session('department', 'WELFARE');
    const subject = await ok<{ id: number }>(officer, 'POST', '/assessments/subjects', {
      title: 'Old school gym',
      departmentCode: 'ROADS',
      details: { kind: 'polling_station', address: '1 Main St', district: 'buk-gu' },
    });
    ({ id } = await ok<{ id: number }>(officer, 'POST', '/assessments', {
      subjectId: subject.id,
      templateKey: 'polling-station',
      year: 2026,
    }));
  });
  after(() => test?.close());

  it('shows the office the step waiting for it, and no department anything yet', async () => {
    const items = await myWork(officer);
    assert.deepEqual(
      items.map((item) => [item.key, item.kind, item.path, item.dueOn]),
      [[`assessments:${id}:requested:office`, 'assessments.move_on', `/assessments/work/${id}`, null]],
    );
    assert.equal(items[0]?.title.en, 'Old school gym (2026)');
    assert.deepEqual(await myWork(roads), []);
    await move('start_scoping');
    assert.deepEqual(
      (await myWork(officer)).map((item) => item.key),
      [`assessments:${id}:scoping:office`],
    );
  });

  it('shows the subject’s department the recommendations to answer, not another department, until answered', async () => {
    await move('start_assessment');
    await move('issue_recommendations');
    ({ id: recommendationId } = await ok<{ id: number }>(
      officer,
      'POST',
      `/assessments/${id}/recommendations`,
      {
        text: 'Add a ramp at the entrance.',
      },
    ));
    await move('send_to_department');
    const items = await myWork(roads);
    assert.deepEqual(
      items.map((item) => [item.kind, item.departmentCode, item.action.en]),
      [['assessments.respond', 'ROADS', 'Answer 1 recommendation']],
    );
    assert.deepEqual(await myWork(welfare), []);
    assert.deepEqual(await myWork(officer), [], 'the office waits for the department');
    await ok(roads, 'PUT', `/assessments/recommendations/${recommendationId}/response`, {
      response: 'accepted',
      reason: '',
      version: 1,
    });
    assert.deepEqual(await myWork(roads), []);
    assert.deepEqual(
      (await myWork(officer)).map((item) => item.key),
      [`assessments:${id}:response:office`],
    );
  });

  it('asks the department for the revision of an accepted recommendation until one is recorded', async () => {
    await move('start_revision_tracking');
    assert.deepEqual(
      (await myWork(roads)).map((item) => item.kind),
      ['assessments.record_revisions'],
    );
    await ok(roads, 'POST', `/assessments/${id}/revisions`, {
      recommendationId,
      description: 'Ramp built.',
      revisedOn: '2026-01-15',
      evidence: 'Photo in the file',
    });
    assert.deepEqual(await myWork(roads), []);
    assert.deepEqual(
      (await myWork(officer)).map((item) => item.key),
      [`assessments:${id}:revision:office`],
    );
  });
});
