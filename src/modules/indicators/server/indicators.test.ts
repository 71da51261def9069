import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import type { Overview } from '../contract.ts';
import { ImportRejected, importOpenSdgCsv } from './commands/import-observations.ts';

const dataset = (name: string) => new URL(`../../../../datasets/gwangju/${name}`, import.meta.url);
const rows = (name: string): Record<string, string>[] =>
  parse(readFileSync(dataset(name), 'utf8'), { columns: true });
const seedText = readFileSync(dataset('source/major-policies-and-systems-of-gwangju.txt'), 'utf8');

type Headers = { cookie: string; 'x-csrf-token': string };

describe('indicators', () => {
  let test: TestApp;
  let officer: Headers;
  let department: Headers;
  let committee: Headers;

  const editIndicator = async (code: string, changes: Record<string, unknown>) => {
    const current = await test.app.inject({ url: `/api/v1/indicators/${code}` });
    const { indicator } = current.json();
    const response = await test.app.inject({
      method: 'PUT',
      url: `/api/v1/indicators/${code}`,
      headers: officer,
      payload: {
        version: indicator.version,
        ohchrType: indicator.ohchrType,
        kind: indicator.kind,
        status: indicator.status,
        task: indicator.task,
        unit: indicator.unit,
        numerator: indicator.numerator,
        denominator: indicator.denominator,
        direction: indicator.direction,
        dataSource: indicator.dataSource,
        periodicity: indicator.periodicity,
        responsibleDepartment: indicator.responsibleDepartment,
        baseline: indicator.baseline,
        target: indicator.target,
        minValue: indicator.minValue,
        maxValue: indicator.maxValue,
        changeThresholdPercent: indicator.changeThresholdPercent,
        tags: indicator.tags,
        ...changes,
      },
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };
  const upload = (code: string, body: string | Buffer, headers: Headers, query = '') =>
    test.app.inject({
      method: 'POST',
      url: `/api/v1/indicators/${code}/observations${query}`,
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: body,
    });

  before(async () => {
    test = await createTestApp();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
    department = (
      await signIn(
        test.app,
        await createUser(test.database, { role: 'department', departmentCode: 'DHRP-DHR' }),
      )
    ).headers;
    committee = (await signIn(test.app, await createUser(test.database, { role: 'committee' }))).headers;
  });
  after(() => test.close());

  describe('the dataset', () => {
    it('states each area count exactly as figures.csv (Table 1) does', () => {
      const figures = new Map(rows('figures.csv').map((row) => [row.id, row]));
      const areas = rows('indicator-areas.csv');
      assert.deepEqual(
        areas.map((area) => Number(area.indicator_count)),
        [6, 11, 16, 9, 8],
      );
      for (const area of areas) {
        const figure = figures.get(area.count_figure ?? '');
        assert.ok(figure, `figure ${area.count_figure}`);
        assert.equal(figure.section, 'Table 1');
        assert.equal(Number(figure.value), Number(area.indicator_count));
        assert.ok(figure.label_en?.includes(area.name_en ?? '-'), `${area.name_en} in ${figure.label_en}`);
        assert.ok(figure.label_ko?.includes(area.name_ko ?? '-'), `${area.name_ko} in ${figure.label_ko}`);
      }
      for (const row of rows('indicator-set-figures.csv'))
        assert.ok(figures.has(row.figure_id ?? ''), row.figure_id);
    });

    it('names only indicators that Table 1 names, each in its area, numbered in order', () => {
      const table = seedText.slice(seedText.indexOf('Table 1:'), seedText.indexOf('Table 2:'));
      const indicators = rows('indicators.csv');
      assert.equal(indicators.length, 19);
      for (const indicator of indicators) {
        assert.ok(table.includes(indicator.name_en ?? '-'), `${indicator.name_en} is not in Table 1`);
        assert.equal(indicator.code?.split('-')[0], indicator.area);
      }
    });
  });

  describe('the catalogue', () => {
    it('serves the five areas with stated and named counts and the whole-set figures', async () => {
      const response = await test.app.inject({ url: '/api/v1/indicators' });
      assert.equal(response.statusCode, 200);
      assert.ok(response.headers.etag);
      const body = response.json() as Overview;
      assert.deepEqual(
        body.areas.map((area) => [area.name.en, area.statedIndicatorCount, area.namedIndicatorCount]),
        [
          ['Participation & Communication', 6, 3],
          ['Guaranteeing a Happy Life', 11, 5],
          ['Inclusive City', 16, 5],
          ['Comfort and Safety', 9, 3],
          ['Culture and Creativity', 8, 3],
        ],
      );
      assert.deepEqual(
        body.areas[0]?.indicators.map((indicator) => indicator.name.en),
        [
          'Protection of privacy',
          'Participation in administration',
          'Participation in human rights education',
        ],
      );
      // Nothing the seed does not give: no status, no progress.
      for (const area of body.areas) {
        assert.equal(area.statusCounts.unknown, area.namedIndicatorCount);
        assert.equal(area.progressCounts.not_enough_data, area.namedIndicatorCount);
      }
      assert.equal(body.wholeSet.indicators?.value, 100);
      assert.equal(body.wholeSet.tasks?.value, 18);
      assert.equal(body.wholeSet.achieved?.value, 50);
      assert.equal(body.wholeSet.beingPursued?.value, 50);
    });

    it('serves an indicator with null metadata where the seed gives none, and the method text', async () => {
      const response = await test.app.inject({ url: '/api/v1/indicators/2-4?lang=en' });
      assert.equal(response.statusCode, 200);
      const body = response.json();
      assert.equal(body.indicator.name.en, 'School violence');
      assert.equal(body.indicator.unit, null);
      assert.equal(body.indicator.target, null);
      assert.equal(body.progress.status, 'not_enough_data');
      assert.equal(body.progressMethod.statuses.length, 6);
      assert.equal((await test.app.inject({ url: '/api/v1/indicators/9-9' })).statusCode, 404);
    });

    it('publishes indicator-areas and one dataset per indicator as open data', async () => {
      const catalogue = (await test.app.inject({ url: '/api/v1/open-data' })).json();
      const ids = catalogue.datasets.map((dataset: { id: string }) => dataset.id);
      assert.ok(ids.includes('indicator-areas'));
      assert.ok(ids.includes('indicator-1-1') && ids.includes('indicator-5-3'));
      const areas = (await test.app.inject({ url: '/api/v1/open-data/indicator-areas.json' })).json();
      assert.deepEqual(
        areas.rows.map((row: { indicator_count: number }) => row.indicator_count),
        [6, 11, 16, 9, 8],
      );
    });
  });

  describe('Open SDG import and export', () => {
    const file = [
      'Year,Sex,District,Units,Value',
      '2020,,,percent,10.5',
      '2020,female,,percent,11.25',
      '2020,male,,percent,9.75',
      '2020,female,Dong-gu,percent,12',
      '2021,,,percent,10.0',
      '2021,,Buk-gu,percent,8',
      '"2021","male","Buk-gu",percent,-1.5',
    ].join('\r\n');

    it('round-trips a file with two disaggregations and blank totals', async () => {
      await editIndicator('1-1', { responsibleDepartment: 'DHRP-DHR' });
      const imported = await upload('1-1', file, department);
      assert.equal(imported.statusCode, 200, imported.body);
      assert.deepEqual(imported.json(), { imported: 7, replacedYears: [2020, 2021], skipped: [] });
      const exported = await test.app.inject({ url: '/api/v1/indicators/1-1/observations.csv' });
      assert.equal(exported.statusCode, 200);
      assert.ok(exported.body.startsWith('\uFEFF'));
      const parsedOut: Record<string, string>[] = parse(exported.body, { bom: true, columns: true });
      const parsedIn: Record<string, string>[] = parse(file, { columns: true });
      const sorted = (list: Record<string, string>[]) => list.map((row) => JSON.stringify(row)).sort();
      assert.deepEqual(sorted(parsedOut), sorted(parsedIn));
      assert.equal(exported.body.split('\r\n')[0], '\uFEFFYear,Sex,District,Units,Value');
    });

    it('filters observations by disaggregation, a blank meaning the total', async () => {
      const totals = await test.app.inject({
        url: '/api/v1/indicators/1-1/observations?dimension=Sex=&dimension=District=',
      });
      assert.deepEqual(
        totals.json().observations.map((o: { year: number; value: string }) => [o.year, o.value]),
        [
          [2020, '10.5'],
          [2021, '10.0'],
        ],
      );
      const female = await test.app.inject({
        url: '/api/v1/indicators/1-1/observations?dimension=Sex=female',
      });
      assert.equal(female.json().observations.length, 2);
      const json = await test.app.inject({ url: '/api/v1/indicators/1-1/observations.json' });
      assert.equal(json.json().observations.length, 7);
    });

    it('replaces the years a file holds and keeps the others', async () => {
      const result = await upload('1-1', 'Year,Value\n2021,20\n', officer);
      assert.deepEqual(result.json().replacedYears, [2021]);
      const all = (await test.app.inject({ url: '/api/v1/indicators/1-1/observations' })).json().observations;
      assert.deepEqual(
        all.map((o: { year: number }) => o.year),
        [2020, 2020, 2020, 2020, 2021],
      );
    });

    it('reports every bad line and column and imports nothing', async () => {
      const bad = 'Year,Sex,Value\n2022,,1\n20x2,,2\n2022,female,1,000\n2022,male,abc\n2022,,3\n';
      const response = await upload('1-2', bad, officer, '?lang=en');
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().code, 'validation_failed');
      const errors = response.json().errors;
      assert.ok(
        errors.some((e: { field: string }) => e.field === 'csv.3.Year'),
        JSON.stringify(errors),
      );
      assert.ok(
        errors.some((e: { field: string }) => e.field === 'csv.4'),
        JSON.stringify(errors),
      );
      assert.match(errors[0].message, /Line 3, column "Year"/);
      const after = (await test.app.inject({ url: '/api/v1/indicators/1-2/observations' })).json();
      assert.equal(after.observations.length, 0);
    });

    it('names bad values and duplicates, and with skipInvalid imports the good rows', async () => {
      const bad = 'Year,Sex,Value\n2022,,1\n2022,male,abc\n2022,,3\n2023,,\n';
      const strict = await upload('1-2', bad, officer, '?lang=en');
      assert.deepEqual(
        strict.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
        [
          ['csv.3.Value', 'not_a_number'],
          ['csv.4', 'duplicate_row'],
          ['csv.5.Value', 'required'],
        ],
      );
      const lenient = await upload('1-2', bad, officer, '?skipInvalid=true&lang=en');
      assert.equal(lenient.statusCode, 200);
      assert.equal(lenient.json().imported, 1);
      assert.deepEqual(
        lenient.json().skipped.map((issue: { line: number }) => issue.line),
        [3, 4, 5],
      );
    });

    it('refuses a file without Year or Value, naming line 1', async () => {
      const response = await upload('1-2', 'Sex,Amount\nfemale,1\n', officer);
      assert.equal(response.statusCode, 400);
      assert.deepEqual(
        response.json().errors.map((e: { field: string }) => e.field),
        ['csv.1.Year', 'csv.1.Value'],
      );
    });

    it('reads CP949 and UTF-8 with a byte-order mark', async () => {
      const korean = 'Year,성별,Value\n2020,,5\n2020,여성,6\n';
      const cp949 = iconv.encode(korean, 'cp949');
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(cp949));
      const response = await upload('2-1', cp949, officer);
      assert.equal(response.statusCode, 200, response.body);
      const detail = (await test.app.inject({ url: '/api/v1/indicators/2-1' })).json();
      assert.deepEqual(detail.dimensionValues, { 성별: ['여성'] });
      assert.deepEqual(detail.indicator.disaggregations, ['성별']);
      const bom = await upload('2-2', Buffer.from(`\uFEFF${korean}`, 'utf8'), officer);
      assert.equal(bom.statusCode, 200, bom.body);
      const exported = await test.app.inject({ url: '/api/v1/indicators/2-2/observations.csv' });
      assert.equal(exported.body, '\uFEFFYear,성별,Value\r\n2020,,5\r\n2020,여성,6\r\n');
    });

    it('imports nothing when a bad row follows batches already written, and all rows once it is fixed', async () => {
      const rows = 25_000;
      const lines = ['Year,GeoCode,Sex,Value'];
      for (let n = 0; n < rows; n++) {
        const area = `29${String(Math.floor(n / 60)).padStart(6, '0')}`;
        lines.push(`${2000 + (n % 30)},${area},${n % 60 < 30 ? '' : 'female'},${n % 97}.5`);
      }
      const good = `${lines.join('\n')}\n`;
      const count = async () => {
        const { rows: found } = await sql<{ count: number }>`
          select count(*)::int as count from indicators_observations o
          join indicators_indicators i on i.id = o.indicator_id where i.code = '5-1'`.execute(
          test.database.db,
        );
        return found[0]?.count;
      };
      await assert.rejects(
        importOpenSdgCsv(test.database.db, '5-1', Buffer.from(`${good}2020,29000000,,abc\n`)),
        (error: unknown) =>
          error instanceof ImportRejected &&
          error.issues.length === 1 &&
          error.issues[0]?.line === rows + 2 &&
          error.issues[0]?.column === 'Value',
      );
      assert.equal(await count(), 0);
      const progress: number[] = [];
      const result = await importOpenSdgCsv(test.database.db, '5-1', Buffer.from(good), {
        onProgress: ({ rows: read }) => progress.push(read),
      });
      assert.equal(result.imported, rows);
      assert.equal(result.replacedYears.length, 30);
      assert.equal(await count(), rows);
      assert.ok(progress.length >= 2, `progress after each batch: ${progress}`);
      assert.equal(progress.at(-1), rows);
    });

    it('is callable from a script with a file path', async () => {
      const path = new URL('./test-fixture.csv', import.meta.url);
      const { writeFileSync, rmSync } = await import('node:fs');
      writeFileSync(path, 'Year,Value\n2019,1\n2020,2\n');
      try {
        const result = await importOpenSdgCsv(test.database.db, '2-3', path.pathname);
        assert.equal(result.imported, 2);
      } finally {
        rmSync(path);
      }
    });
  });

  describe('who may import', () => {
    it('lets a department import only its own indicators, and not the committee or the public', async () => {
      const csv = 'Year,Value\n2020,1\n';
      assert.equal((await upload('3-1', csv, department)).statusCode, 403);
      assert.equal((await upload('3-1', csv, committee)).statusCode, 403);
      const anonymous = await test.app.inject({
        method: 'POST',
        url: '/api/v1/indicators/3-1/observations',
        headers: { 'content-type': 'text/csv' },
        payload: csv,
      });
      assert.equal(anonymous.statusCode, 401);
      await editIndicator('3-1', { responsibleDepartment: 'DHRP-DHR' });
      assert.equal((await upload('3-1', csv, department)).statusCode, 200);
    });

    it('lets only the office edit metadata', async () => {
      const response = await test.app.inject({
        method: 'PUT',
        url: '/api/v1/indicators/3-1',
        headers: department,
        payload: {},
      });
      assert.equal(response.statusCode, 403);
    });
  });

  describe('progress on the page', () => {
    it('computes the status from baseline, target, the latest total and the direction', async () => {
      await upload('4-1', 'Year,Value\n2015,100\n2020,150\n', officer);
      await editIndicator('4-1', {
        direction: 'increase',
        baseline: { year: 2015, value: 100 },
        target: { year: 2025, value: 140 },
      });
      const detail = (await test.app.inject({ url: '/api/v1/indicators/4-1' })).json();
      assert.equal(detail.progress.status, 'target_achieved');
      assert.deepEqual(detail.progress.latest, { year: 2020, value: 150 });
      const overview = (await test.app.inject({ url: '/api/v1/indicators' })).json() as Overview;
      assert.equal(overview.areas[3]?.progressCounts.target_achieved, 1);
    });
  });

  describe('the yearly cycle', () => {
    it('walks every step, refuses skipping, and lets only the office move it', async () => {
      const opened = await test.app.inject({
        method: 'POST',
        url: '/api/v1/indicators/cycles',
        headers: officer,
        payload: { year: 2024 },
      });
      assert.equal(opened.statusCode, 201, opened.body);
      assert.deepEqual(opened.json().allowedActions, ['start_collection']);
      const again = await test.app.inject({
        method: 'POST',
        url: '/api/v1/indicators/cycles',
        headers: officer,
        payload: { year: 2024 },
      });
      assert.equal(again.json().code, 'indicators_cycle_exists');
      const move = (action: string, version: number, headers: Headers = officer) =>
        test.app.inject({
          method: 'POST',
          url: '/api/v1/indicators/cycles/2024/transitions',
          headers,
          payload: { action, version },
        });
      assert.equal((await move('close', 1)).statusCode, 409);
      assert.equal((await move('start_collection', 1, committee)).statusCode, 403);
      assert.equal((await move('start_collection', 1, department)).statusCode, 403);
      let version = 1;
      for (const [action, step] of [
        ['start_collection', 'collection'],
        ['start_assessment', 'assessment'],
        ['issue_report', 'report'],
        ['start_complementation', 'complementation'],
        ['collect_results', 'results'],
        ['close', 'closed'],
      ] as const) {
        const response = await move(action, version);
        assert.equal(response.statusCode, 200, response.body);
        assert.equal(response.json().step, step);
        version = response.json().version;
      }
      const list = await test.app.inject({ url: '/api/v1/indicators/cycles', headers: committee });
      assert.equal(list.json().cycles[0].step, 'closed');
    });

    it('refuses any write to a closed year with 409 indicators_year_locked', async () => {
      const response = await upload('1-1', 'Year,Value\n2023,1\n2024,2\n', officer);
      assert.equal(response.statusCode, 409);
      assert.equal(response.json().code, 'indicators_year_locked');
      const years = (await test.app.inject({ url: '/api/v1/indicators/1-1' })).json().years;
      assert.ok(!years.includes(2023), 'nothing of the file was imported');
    });

    it('stops a department entering data once the cycle moves past collection', async () => {
      await test.app.inject({
        method: 'POST',
        url: '/api/v1/indicators/cycles',
        headers: officer,
        payload: { year: 2025 },
      });
      const csv = 'Year,Value\n2025,3\n';
      assert.equal((await upload('1-1', csv, department)).statusCode, 200);
      for (const [action, version] of [
        ['start_collection', 1],
        ['start_assessment', 2],
      ] as const) {
        await test.app.inject({
          method: 'POST',
          url: '/api/v1/indicators/cycles/2025/transitions',
          headers: officer,
          payload: { action, version },
        });
      }
      const late = await upload('1-1', csv, department);
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().code, 'indicators_step_closed');
      assert.equal((await upload('1-1', csv, officer)).statusCode, 200);
    });
  });
});
