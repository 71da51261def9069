// `seed --demo` gives the module sample subjects and assessments at several steps, each marked as a
// sample; none of them moves a figure of Gwangju (the portal's headlines, the public figures, the open
// dataset), and a reload without `--demo` removes them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import type { AssessmentRow, Comparison, Figure, PublicSummary, Subject } from '../contract.ts';

describe('the assessments samples of seed --demo', () => {
  let test: TestApp;
  let officer: Awaited<ReturnType<typeof signIn>>['headers'];

  const get = async <T>(url: string, headers?: typeof officer) => {
    const response = await test.app.inject({
      method: 'GET',
      url: `/api/v1${url}`,
      ...(headers ? { headers } : {}),
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as T;
  };
  const load = (demo: boolean) =>
    loadDataset({ database: test.database, modules, city: 'gwangju', reset: true, demo });

  before(async () => {
    test = await createTestApp();
    const result = await load(true);
    assert.equal(result.loaded, true);
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
  });
  after(() => test?.close());

  it('loads sample subjects and assessments at several steps, each marked as a sample', async () => {
    const { assessments, subjects } = await get<{ assessments: AssessmentRow[]; subjects: Subject[] }>(
      '/assessments',
      officer,
    );
    assert.ok(subjects.length >= 5);
    for (const subject of subjects) {
      assert.equal(subject.isSample, true);
      assert.ok(subject.title.startsWith('[예시 · Sample]'), subject.title);
    }
    assert.deepEqual([...new Set(assessments.map((row) => row.step))].sort(), [
      'assessment',
      'closed',
      'requested',
      'response',
      'scoping',
    ]);
    assert.ok(assessments.every((row) => row.isSample));
    const { summaries } = await get<{ summaries: PublicSummary[] }>('/assessments/public');
    assert.ok(summaries.length > 0 && summaries.every((summary) => summary.isSample));
    const { rows } = await get<Comparison>('/assessments/enterprises');
    assert.ok(rows.length > 0 && rows.every((row) => row.isSample));
  });

  it('adds nothing to the Gwangju headline figures, the public figures or the open dataset', async () => {
    const { headlines } = await get<{ headlines: { id: string; value: number }[] }>('/portal/home');
    const value = (id: string) => headlines.find((headline) => headline.id === id)?.value;
    assert.equal(value('impact-assessment-ordinances-revised'), 49);
    assert.equal(value('polling-stations-renovated'), 22);
    const { figures } = await get<{ figures: Figure[] }>('/assessments/public');
    assert.deepEqual(
      figures.map((figure) => [figure.id, figure.tracked, figure.total === figure.historical]),
      figures.map((figure) => [figure.id, 0, true]),
    );
    const open = await test.app.inject({
      method: 'GET',
      url: '/api/v1/open-data/impact-assessment-summary.csv',
    });
    assert.equal(open.statusCode, 200);
    assert.doesNotMatch(open.body, /예시|Sample/);
  });

  it('removes the samples on a reload without --demo', async () => {
    await load(false);
    const { subjects, assessments } = await get<{ assessments: AssessmentRow[]; subjects: Subject[] }>(
      '/assessments',
      officer,
    );
    assert.deepEqual([subjects.length, assessments.length], [0, 0]);
    assert.deepEqual((await get<{ summaries: PublicSummary[] }>('/assessments/public')).summaries, []);
  });
});
