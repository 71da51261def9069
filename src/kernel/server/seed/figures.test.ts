import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { modules } from '../../../server/modules.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import { defaultDatasetsDir, loadDataset } from './load-dataset.ts';

interface Figure {
  id: string;
  section: string;
  year: number | null;
  value: number;
  unit: string;
  label: { ko: string; en: string };
  quote: string;
  note: string | null;
}

describe('the city in figures', () => {
  let test: TestApp;
  let expected: Record<string, string>[];
  const get = (url: string) => test.app.inject({ method: 'GET', url: `/api/v1${url}` });

  before(async () => {
    test = await createTestApp();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
    expected = parse(await readFile(join(defaultDatasetsDir, 'gwangju', 'figures.csv'), 'utf8'), {
      columns: true,
    });
  });
  after(() => test.close());

  it('returns every figure of figures.csv, in order, with section, year, value, labels, quote and note', async () => {
    const response = await get('/figures');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'public, max-age=60');
    const figures: Figure[] = response.json().figures;
    assert.deepEqual(
      figures.map((figure) => [
        figure.id,
        figure.section,
        figure.year === null ? '' : String(figure.year),
        figure.value,
        figure.unit,
        figure.label.en,
        figure.label.ko,
        figure.quote,
        figure.note ?? '',
      ]),
      expected.map((row) => [
        row.id,
        row.section,
        row.year,
        Number(row.value),
        row.unit,
        row.label_en,
        row.label_ko,
        row.quote,
        row.note,
      ]),
    );
  });

  it('gives the 2013 neighbourhoods as Table 4 has them, with the note on the text’s 5', async () => {
    const row = expected.find((figure) => figure.id === 'table4-2013-neighbourhoods');
    assert.ok(row);
    const response = await get(`/figures?section=${encodeURIComponent(row.section ?? '')}`);
    const figures: Figure[] = response.json().figures;
    assert.deepEqual(
      figures.map((figure) => figure.id),
      expected.filter((figure) => figure.section === row.section).map((figure) => figure.id),
    );
    const figure = figures.find((candidate) => candidate.id === row.id);
    assert.equal(figure?.value, Number(row.value));
    assert.equal(figure?.value, 3);
    assert.equal(figure?.year, 2013);
    assert.match(figure?.note ?? '', /\b5\b/);
    assert.equal(figure?.note, row.note);
  });

  it('answers a section without figures with an empty list', async () => {
    const response = await get('/figures?section=9.9');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json().figures, []);
  });

  it('is published as open data', async () => {
    const response = await get('/open-data/figures.csv');
    assert.equal(response.statusCode, 200);
    const rows: Record<string, string>[] = parse(response.body, { bom: true, columns: true });
    assert.equal(rows.length, expected.length);
    assert.equal(rows.find((figure) => figure.id === 'table4-2013-neighbourhoods')?.value, '3');
  });
});
