import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { modules } from '../../../server/modules.ts';
import { buildApp } from '../app.ts';
import type { ServerModule } from '../module.ts';
import { loadDataset } from '../seed/load-dataset.ts';
import { readWorkbook, xlsxContentType } from '../spreadsheet.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import { toCsv } from './csv.ts';
import { openDataModule } from './module.ts';
import { publicDataChanged } from './public-cache.ts';

/** Rows a test changes, to see the catalogue's "last update" move. */
let changingRows = [{ value: 1 }];

/** A module publishing values a spreadsheet would misread: a formula, a comma, a quote, a line break. */
const fixture: ServerModule = {
  name: 'fixture',
  openData: [
    {
      id: 'fixture-changing',
      title: { ko: '바뀌는 자료', en: 'Changing' },
      description: { ko: '시험용 자료', en: 'Test data' },
      columns: [{ name: 'value', description: { ko: '값', en: 'Value' } }],
      async rows() {
        return changingRows;
      },
    },
    {
      id: 'fixture-awkward',
      title: { ko: '시험용', en: 'Fixture' },
      description: { ko: '시험용 자료', en: 'Test data' },
      columns: [
        { name: 'text', description: { ko: '글', en: 'Text' } },
        { name: 'count', description: { ko: '수', en: 'Count' } },
      ],
      async rows() {
        return [
          { text: '=1+1', count: -1 },
          { text: 'a, "quoted"\nline', count: null },
          { text: '@SUM(A1)', count: 2 },
        ];
      },
    },
  ],
};

describe('open data', () => {
  let test: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) =>
    test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

  before(async () => {
    test = await createTestApp({ modules: [...modules, fixture] });
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
  });
  after(() => test.close());

  it('lists every dataset the manifests declare, with columns and downloads', async () => {
    const response = await get('/open-data');
    assert.equal(response.statusCode, 200);
    const datasets = response.json().datasets;
    const bureau = datasets.find((dataset: { id: string }) => dataset.id === 'bureau-divisions');
    assert.equal(bureau.module, 'vocab');
    assert.equal(bureau.source, '1.2');
    assert.ok(bureau.columns.some((column: { name: string }) => column.name === 'headcount'));
    assert.equal(bureau.downloads.csv, '/api/v1/open-data/bureau-divisions.csv');
    assert.equal(bureau.downloads.xlsx, '/api/v1/open-data/bureau-divisions.xlsx');
    assert.deepEqual(bureau.formats, ['csv', 'json', 'xlsx']);
    assert.equal(bureau.page, '/open-data/bureau-divisions');
    assert.ok(Date.parse(bureau.updatedAt) > 0, 'a declared dataset has a last update');
    assert.ok(datasets.some((dataset: { id: string }) => dataset.id === 'fixture-awkward'));
  });

  it("moves a dataset's last update when its rows change, and only then", async () => {
    const updatedAt = async () =>
      (await get('/open-data'))
        .json()
        .datasets.find((dataset: { id: string }) => dataset.id === 'fixture-changing').updatedAt as string;
    const first = await updatedAt();
    await new Promise((resolve) => setTimeout(resolve, 5));
    publicDataChanged();
    assert.equal(await updatedAt(), first, 'the same rows keep their date');
    changingRows = [{ value: 2 }];
    publicDataChanged();
    const second = await updatedAt();
    assert.ok(Date.parse(second) > Date.parse(first), `${second} after ${first}`);
    assert.equal((await get('/open-data/fixture-changing.json')).json().rows[0].value, 2);
  });

  it('serves a dataset as an Excel workbook with its codebook', async () => {
    const response = await get('/open-data/bureau-divisions.xlsx');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], xlsxContentType);
    assert.match(String(response.headers['content-disposition']), /filename="bureau-divisions\.xlsx"/);
    const data = readWorkbook(response.rawPayload);
    assert.equal(data.name, 'data');
    assert.deepEqual(
      data.rows.map((row) => [row.values.code, row.values.headcount]),
      [
        ['DHRP', '45'],
        ['DHRP-DHR', '16'],
        ['DHRP-M18', '17'],
        ['DHRP-IKC', '12'],
      ],
    );
    const codebook = readWorkbook(response.rawPayload, 'codebook');
    assert.ok(codebook.rows.some((row) => row.values.column === 'headcount'));
    const again = await get('/open-data/bureau-divisions.xlsx', {
      'if-none-match': String(response.headers.etag),
    });
    assert.equal(again.statusCode, 304);
  });

  it('serves bureau-divisions as CSV: byte-order mark, header, the bureau and its divisions', async () => {
    const response = await get('/open-data/bureau-divisions.csv');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(response.headers['content-disposition']), /filename="bureau-divisions\.csv"/);
    assert.ok(
      response.body.startsWith('\uFEFFcode,parent_code,name_ko,name_en,headcount,since,source_section\r\n'),
    );
    const rows: Record<string, string>[] = parse(response.body, { bom: true, columns: true });
    assert.deepEqual(
      rows.map((row) => [row.code, row.parent_code, row.headcount]),
      [
        ['DHRP', '', '45'],
        ['DHRP-DHR', 'DHRP', '16'],
        ['DHRP-M18', 'DHRP', '17'],
        ['DHRP-IKC', 'DHRP', '12'],
      ],
    );
    assert.equal(rows[0]?.name_ko, '민주인권평화국');
  });

  it('serves the same as JSON', async () => {
    const response = await get('/open-data/bureau-divisions.json');
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.id, 'bureau-divisions');
    assert.deepEqual(body.rows[0], {
      code: 'DHRP',
      parent_code: null,
      name_ko: '민주인권평화국',
      name_en: 'Democracy, Human Rights and Peace Bureau',
      headcount: 45,
      since: '2019-01',
      source_section: '1.2',
    });
  });

  it('neutralises formulas and quotes awkward values', async () => {
    const response = await get('/open-data/fixture-awkward.csv');
    assert.equal(
      response.body,
      '\uFEFFtext,count\r\n\'=1+1,-1\r\n"a, ""quoted""\nline",\r\n\'@SUM(A1),2\r\n',
    );
    const rows: Record<string, string>[] = parse(response.body, { bom: true, columns: true });
    assert.equal(rows[0]?.text, "'=1+1");
    assert.equal(rows[1]?.text, 'a, "quoted"\nline');
  });

  it('is cacheable, and answers an unknown dataset with a 404 problem', async () => {
    const first = await get('/open-data/bureau-divisions.csv');
    assert.equal(first.headers['cache-control'], 'public, max-age=60');
    const again = await get('/open-data/bureau-divisions.csv', {
      'if-none-match': String(first.headers.etag),
    });
    assert.equal(again.statusCode, 304);
    for (const url of [
      '/open-data/nothing.csv',
      '/open-data/nothing.json',
      '/open-data/nothing.xlsx',
      '/open-data/bureau-divisions.xml',
    ]) {
      const response = await get(url);
      assert.equal(response.statusCode, 404, url);
      assert.equal(response.json().code, 'not_found');
    }
  });

  it('refuses two modules declaring one dataset id', async () => {
    const twin: ServerModule = { ...fixture, name: 'twin' };
    await assert.rejects(async () => {
      const app = await buildApp({
        config: test.config,
        database: test.database,
        modules: [openDataModule, fixture, twin],
        logger: false,
      });
      await app.ready();
    }, /fixture-changing is declared by both fixture and twin/);
  });
});

describe('toCsv', () => {
  it('writes dates as ISO, objects as JSON, and leaves numbers alone', () => {
    const csv = toCsv(['a', 'b', 'c'], [{ a: new Date('2024-05-18T00:00:00Z'), b: { x: 1 }, c: -2.5 }]);
    assert.equal(csv, '\uFEFFa,b,c\r\n2024-05-18T00:00:00.000Z,"{""x"":1}",-2.5\r\n');
  });
});
