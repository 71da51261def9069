/**
 * Statistics and open data (issue 16, item 5) on a fixture with known answers: four public committee
 * recommendations, three answered 2, 4 and 9 days after their issue (accepted, accepted, not accepted)
 * and one implemented; the seed's six historical ombudsman ones, whose answers were never recorded;
 * and a non-public one answered after 100 days that must change no figure and appear in no dataset.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { clock } from '../../../kernel/server/city/clock.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import type { StaffRecommendation, Statistics } from '../contract.ts';
import { createRecommendation, type Headers } from '../test/factories.ts';
import { daysBetween, median } from './statistics.ts';

const seeding = modules.filter((module) => ['vocab', 'seed', 'recommendations'].includes(module.name));

/** The city's date `days` before today. */
const daysAgo = (days: number) => {
  const today = clock().today();
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
};

describe('recommendations statistics and open data', () => {
  let test: TestApp;
  let officer: Headers;
  let hidden: StaffRecommendation;

  const call = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    test.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: officer,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const step = async (id: string, payload: object) => {
    const current = (await call('GET', `/recommendations/staff/${id}`)).json() as StaffRecommendation;
    const response = await call('POST', `/recommendations/${id}/transitions`, {
      ...payload,
      version: current.version,
    });
    assert.equal(response.statusCode, 200, response.body);
  };
  const answer = (id: string, departmentCode: string, value: string) =>
    step(id, { action: 'answer', departmentCode, answer: value, reasons: '회신' });

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
    const record = (days: number, departments: string[], isPublic = true) =>
      createRecommendation(test.app, officer, {
        departments,
        isPublic,
        issuedOn: daysAgo(days),
        answerDue: null,
        implementationDue: null,
      });
    const a = await record(2, ['HRO']);
    const b = await record(4, ['HRO']);
    const c = await record(9, ['HRO']);
    const d = await record(1, ['HRO', 'DHRP-DHR']);
    hidden = await record(100, ['DHRP-DHR'], false);
    await answer(a.id, 'HRO', 'accepted');
    await answer(b.id, 'HRO', 'accepted');
    await answer(c.id, 'HRO', 'not_accepted');
    await answer(hidden.id, 'DHRP-DHR', 'accepted');
    await step(a.id, { action: 'start_implementation' });
    await step(a.id, { action: 'complete', note: '완료' });
    await step(hidden.id, { action: 'start_implementation' });
    await step(hidden.id, { action: 'complete', note: '완료' });
    assert.ok(d.id);
  });
  after(() => test.close());

  it('takes the median over the answers with dates, and none over nothing', () => {
    assert.equal(median([9, 2, 4]), 4);
    assert.equal(median([2, 4, 9, 10]), 6.5);
    assert.equal(median([]), null);
    assert.equal(daysBetween('2024-02-27', '2024-03-01'), 3);
  });

  it('gives share accepted, share implemented and median days per source and department, public records only', async () => {
    const response = await call('GET', '/recommendations/statistics');
    assert.equal(response.statusCode, 200, response.body);
    const figures = response.json() as Statistics;
    const pick = (row: Statistics['total'] | undefined) =>
      row && [
        row.records,
        row.notRecorded,
        row.parts,
        row.answeredParts,
        row.accepted,
        row.notAccepted,
        row.implemented,
        row.shareAccepted,
        row.shareImplemented,
        row.medianDaysToAnswer,
        row.answersWithDates,
      ];
    // records, not recorded, parts, answered, accepted, not accepted, implemented, %acc, %impl, median, n
    assert.deepEqual(pick(figures.total), [10, 6, 5, 3, 2, 1, 1, 66.7, 25, 4, 3]);
    assert.deepEqual(
      figures.bySource.map((row) => row.key),
      ['ombudsman', 'committee'],
    );
    assert.deepEqual(pick(figures.bySource[1]), [4, 0, 5, 3, 2, 1, 1, 66.7, 25, 4, 3]);
    // The seed's six: counted, but "not recorded", never 0 %.
    assert.deepEqual(pick(figures.bySource[0]), [6, 6, 0, 0, 0, 0, 0, null, null, null, 0]);
    const department = (code: string) => figures.byDepartment.find((row) => row.key === code);
    assert.deepEqual(pick(department('HRO')), [4, 0, 4, 3, 2, 1, 1, 66.7, 25, 4, 3]);
    // DHRP-DHR: only the open one in public (the hidden, answered in 100 days, is not counted).
    assert.deepEqual(pick(department('DHRP-DHR')), [1, 0, 1, 0, 0, 0, 0, null, 0, null, 0]);
    assert.equal(department('HRO')?.name.en, 'Human Rights Office');
  });

  it('puts the same figures on the home page, in the open data and in the annual report', async () => {
    const home = (await test.app.inject({ url: '/api/v1/portal/home' })).json() as {
      headlines: { id: string; value: number }[];
    };
    const value = (id: string) => home.headlines.find((headline) => headline.id === id)?.value;
    assert.equal(value('recommendations-public'), 10);
    assert.equal(value('recommendations-share-accepted'), 66.7);
    assert.equal(value('recommendations-share-implemented'), 25);
    assert.equal(value('recommendations-median-days'), 4);

    const { rows } = (
      await test.app.inject({ url: '/api/v1/open-data/recommendation-statistics.json' })
    ).json() as { rows: Record<string, unknown>[] };
    const ombudsman = rows.find((row) => row.key === 'ombudsman');
    assert.equal(ombudsman?.share_accepted, null, 'not recorded is blank, not 0');
    assert.equal(rows.find((row) => row.key === 'all')?.median_days_to_answer, 4);
    const csv = (await test.app.inject({ url: '/api/v1/open-data/recommendation-statistics.csv' })).body;
    assert.match(csv, /source,ombudsman,인권옴부즈맨,Human Rights Ombudsman,6,6,0,0,0,0,0,,,,0/);

    const report = await test.app.inject({
      url: `/api/v1/report/${clock().today().slice(0, 4)}.html?lang=en`,
    });
    assert.equal(report.statusCode, 200, report.body.slice(0, 500));
    assert.match(report.body, /Recommendations: answers and implementation/);
    assert.match(report.body, /66\.7/);
  });

  it('publishes the recommendations dataset with a codebook in both languages, and no record that is not public', async () => {
    const catalogue = (await test.app.inject({ url: '/api/v1/open-data' })).json() as {
      datasets: { id: string; columns: { name: string; description: { ko: string; en: string } }[] }[];
    };
    const dataset = catalogue.datasets.find((entry) => entry.id === 'recommendations');
    assert.ok(dataset);
    for (const column of dataset.columns) {
      assert.ok(column.description.ko.length > 0 && column.description.en.length > 0, column.name);
    }
    const csv = (await test.app.inject({ url: '/api/v1/open-data/recommendations.csv' })).body;
    const json = (await test.app.inject({ url: '/api/v1/open-data/recommendations.json' })).body;
    for (const body of [csv, json]) {
      assert.ok(!body.includes(hidden.id), 'the non-public record is absent');
      assert.match(body, /HRO:accepted/);
      assert.match(body, /limited access of the citizens to the city hall/);
    }
    assert.equal(csv.trim().split('\n').length, 1 + 10);
  });
});
