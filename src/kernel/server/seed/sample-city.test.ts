/**
 * The second city (issue 22, item 7): the fictional Sample City (`datasets/sample-city/`, America/
 * Mexico_City, English first) loads and serves with nothing of Gwangju's, on the engine under test.
 * If a module comes to read a file only Gwangju's dataset has, or a loader to demand a Gwangju
 * figure, this file fails.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { modules } from '../../../server/modules.ts';
import { addWorkingDays, loadCalendar } from '../calendar/working-days.ts';
import { loadCity } from '../city/city.ts';
import { clock, setClockNow } from '../city/clock.ts';
import { cityShell } from '../city/web-shell.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import type { Term } from '../vocabularies/contract.ts';
import { defaultDatasetsDir, loadDataset } from './load-dataset.ts';

const sampleDir = join(defaultDatasetsDir, 'sample-city');

async function datasetFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('the sample city', () => {
  let test: TestApp;
  let files: Record<string, string>;

  before(async () => {
    test = await createTestApp({ env: { RIGHTSCITY_CITY: 'sample-city' } });
    const result = await loadDataset({
      database: test.database,
      modules,
      city: test.config.RIGHTSCITY_CITY,
      reset: false,
      demo: true,
    });
    assert.equal(result.loaded, true);
    if (!result.loaded) return;
    files = result.run.files;
  });
  after(() => test.close());

  const get = async (url: string) => {
    const response = await test.app.inject({ method: 'GET', url });
    assert.equal(response.statusCode, 200, response.body);
    return response;
  };

  it('is the configured city: its names, English first, the Mexico City clock', () => {
    assert.equal(test.config.city.name.en, 'Sample City');
    assert.equal(test.config.city.defaultLanguage, 'en');
    assert.equal(clock().timeZone, 'America/Mexico_City');
    const page = cityShell('<html lang="xx"><head><title>built</title></head></html>', test.config.city);
    assert.match(page, /<html lang="en">/);
    assert.match(page, /<title>샘플시 인권도시 플랫폼 · Sample City Human Rights City Platform<\/title>/);
  });

  it("answers a request that asks for no language in the city's language", async () => {
    const unasked = await test.app.inject({ method: 'GET', url: '/api/v1/recommendations/no-such-record' });
    assert.equal(unasked.statusCode, 400, unasked.body);
    assert.match(unasked.json().title, /[A-Za-z]/);
    assert.doesNotMatch(unasked.json().title, /[가-힣]/);
    const asked = await test.app.inject({
      method: 'GET',
      url: '/api/v1/recommendations/no-such-record',
      headers: { 'accept-language': 'ko-KR' },
    });
    assert.match(asked.json().title, /[가-힣]/);
  });

  it("loads from its own folder and the shared lists, never Gwangju's", () => {
    const read = Object.keys(files);
    assert.ok(read.includes('sample-city/figures.csv'), read.join(', '));
    assert.ok(read.includes('sample-city/demo/assessments.csv'), read.join(', '));
    for (const path of read) assert.match(path, /^(sample-city|un-sdg|udhr)\//, path);
  });

  it('answers the API with its own departments, districts, figures and plan', async () => {
    const departments: Term[] = (await get('/api/v1/vocabularies/departments')).json().terms;
    assert.deepEqual(
      departments.map((term) => term.name.en),
      [
        'Sample City Human Rights Secretariat',
        'Ombudsman Support Team',
        'Social Welfare Department',
        'Education and Culture Department',
        'Urban Planning Department',
      ],
    );
    const districts: Term[] = (await get('/api/v1/vocabularies/districts')).json().terms;
    assert.deepEqual(
      districts.map((term) => term.code),
      ['north', 'south', 'riverside', 'hillside'],
    );
    const figures: { id: string; value: number }[] = (await get('/api/v1/figures')).json().figures;
    assert.equal(figures.find((figure) => figure.id === 'population')?.value, 250000);
    const plans = (await get('/api/v1/plan')).body;
    assert.match(plans, /First Sample City Human Rights Plan/);
    assert.doesNotMatch(plans, /Gwangju|광주/);
  });

  it('holds no Gwangju name and no figure of the Gwangju seed document', async () => {
    for (const path of await datasetFiles(sampleDir)) {
      const content = await readFile(path, 'utf8');
      assert.doesNotMatch(content, /Gwangju|광주|Seoul|서울|5·18|May 18/, path);
      assert.doesNotMatch(content, /1\.48 million|1,480,000|1480000|\b123\b/, path);
    }
    // A Gwangju figure of three digits or more is specific enough that sharing it is no accident.
    const gwangju: { value: string }[] = parse(
      await readFile(join(defaultDatasetsDir, 'gwangju', 'figures.csv'), 'utf8'),
      { columns: true },
    );
    const distinctive = new Set(gwangju.map((row) => Number(row.value)).filter((value) => value >= 100));
    const sample: { id: string; value: string }[] = parse(
      await readFile(join(sampleDir, 'figures.csv'), 'utf8'),
      { columns: true },
    );
    for (const figure of sample) assert.ok(!distinctive.has(Number(figure.value)), figure.id);
  });

  it("quotes every figure from its own (fictional) source, as the first city's figures quote theirs", async () => {
    const source = await readFile(join(sampleDir, 'source', 'sample-city-fact-sheet.txt'), 'utf8');
    const figures: { id: string; quote: string }[] = parse(
      await readFile(join(sampleDir, 'figures.csv'), 'utf8'),
      { columns: true },
    );
    assert.ok(figures.length > 0);
    for (const figure of figures) assert.ok(source.includes(figure.quote), figure.id);
  });

  it('counts working days on its own calendar from the Mexico City date, not the UTC one', async () => {
    // 2026-03-10 03:00 UTC is 2026-03-09 21:00 in Mexico City (UTC−6): still Monday the 9th there.
    const restore = setClockNow('2026-03-10T03:00:00Z');
    try {
      const today = clock().today();
      assert.equal(today, '2026-03-09');
      const calendar = await loadCalendar(test.database.db);
      // Five working days: 10–13 March, then Foundation Day (Monday the 16th) is skipped, so the 17th.
      assert.deepEqual(addWorkingDays(calendar, today, 5), {
        date: '2026-03-17',
        days: 5,
        uncoveredYears: [],
      });
      assert.equal(calendar.holidays.get('2026-03-16')?.en, 'Sample City Foundation Day');
    } finally {
      restore();
    }
  });

  it('is loaded once at a second start, and again with --reset', async () => {
    const again = await loadDataset({
      database: test.database,
      modules,
      city: 'sample-city',
      reset: false,
      demo: false,
    });
    assert.equal(again.loaded, false);
    // `rightscity seed --reset` loads it again over itself, as it does Gwangju's.
    const reset = await loadDataset({
      database: test.database,
      modules,
      city: 'sample-city',
      reset: true,
      demo: true,
    });
    assert.equal(reset.loaded, true);
    const districts: Term[] = (await get('/api/v1/vocabularies/districts')).json().terms;
    assert.equal(districts.length, 4);
  });

  it('loads its own city file by name, as RIGHTSCITY_CITY does', () => {
    const city = loadCity('sample-city');
    assert.equal(city.timeZone, 'America/Mexico_City');
    assert.equal(city.currency, 'MXN');
    assert.equal(city.uidHost, 'rightscity.sample-city');
  });
});
