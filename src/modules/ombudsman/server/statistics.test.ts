/**
 * The annual statistics on fixtures: a count of 0 from records is 0, 1–4 is "<5", 5 and over is the
 * count, and a figure nobody recorded (the 2018 recommendations: the published totals give none and
 * the platform holds no record of 2018) is "not recorded", in the API and in the open dataset alike.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import type { AnnualStatistics } from '../contract.ts';

describe('ombudsman statistics at zero and without records', () => {
  let test: TestApp;
  let years: AnnualStatistics['years'];
  const year = (y: number) => {
    const found = years.find((row) => row.year === y);
    assert.ok(found, `year ${y} is listed`);
    return found;
  };

  before(async () => {
    test = await createTestApp();
    const db = test.database.db;
    await sql`insert into ombudsman_annual (year, counselling_sessions, cases_registered, source_section)
      values (2018, 346, 78, '1.6')`.execute(db);
    // Three counselling sessions in 2021 and seven in 2022; no case, no recommendation in either year.
    const sessions = [...Array(3).fill('2021-03-02'), ...Array(7).fill('2022-05-10')] as string[];
    for (const [index, heldOn] of sessions.entries()) {
      await sql`insert into ombudsman_counselling (id, held_on, channel, topic, outcome, created_by)
        values (${`fixture-${index}`}, ${heldOn}, 'phone', 'fixture', 'advice_given', 'fixture')`.execute(db);
    }
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/ombudsman/statistics' });
    assert.equal(response.statusCode, 200, response.body);
    years = (response.json() as AnnualStatistics).years;
  });
  after(() => test?.close());

  it('shows 3 as suppressed, 7 as 7 and a recorded year without cases as 0', () => {
    assert.deepEqual(year(2021).counsellingSessions, { kind: 'suppressed' });
    assert.deepEqual(year(2022).counsellingSessions, { kind: 'count', value: 7 });
    for (const y of [2021, 2022]) {
      assert.deepEqual(year(y).casesRegistered, { kind: 'count', value: 0 });
      assert.deepEqual(year(y).recommendationsIssued, { kind: 'count', value: 0 });
      assert.deepEqual(year(y).recommendationsAccepted, { kind: 'count', value: 0 });
      assert.deepEqual(year(y).recommendationsImplemented, { kind: 'count', value: 0 });
    }
  });

  it('shows the published year as published and its unrecorded recommendations as not recorded', () => {
    const published = year(2018);
    assert.equal(published.source, 'published');
    assert.deepEqual(published.counsellingSessions, { kind: 'count', value: 346 });
    assert.deepEqual(published.casesRegistered, { kind: 'count', value: 78 });
    assert.deepEqual(published.recommendationsIssued, { kind: 'not_recorded' });
    assert.deepEqual(published.recommendationsAccepted, { kind: 'not_recorded' });
    assert.deepEqual(published.recommendationsImplemented, { kind: 'not_recorded' });
  });

  it('writes the same in the open dataset: the number, "<5", or blank, as its codebook says', async () => {
    const csv = await test.app.inject({ method: 'GET', url: '/api/v1/open-data/ombudsman-annual.csv' });
    assert.equal(csv.statusCode, 200, csv.body);
    const rows = parse(csv.body, { columns: true, bom: true }) as Record<string, string>[];
    const row = (y: number) => rows.find((r) => r.year === String(y));
    assert.equal(row(2018)?.recommendations_issued, '');
    assert.equal(row(2018)?.counselling_sessions, '346');
    assert.equal(row(2021)?.counselling_sessions, '<5');
    assert.equal(row(2021)?.recommendations_issued, '0');
    assert.equal(row(2022)?.counselling_sessions, '7');
    const catalogue = await test.app.inject({ method: 'GET', url: '/api/v1/open-data' });
    assert.match(catalogue.body, /blank where nothing was recorded/);
  });
});
