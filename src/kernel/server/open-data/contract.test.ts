/**
 * The open-data contract: the dataset ids other cities, researchers and the annual report rely on
 * exist, and each dataset that regenerates a table of the seed document carries every figure the
 * document gives for that table (`seed_figures` of that section), in its CSV.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { modules } from '../../../server/modules.ts';
import { loadDataset } from '../seed/load-dataset.ts';
import { seedDb } from '../seed/tables.ts';
import { createTestApp, type TestApp } from '../testing.ts';

const contract = [
  'bureau-divisions',
  'indicator-areas',
  'education-participants',
  'education-coverage',
  'neighbourhood-participation',
  'forum-growth',
  'agenda21-phases',
  'local-sdg-agenda',
  'ombudsman-annual',
  'impact-assessment-summary',
  'committee-meetings',
  'action-plan-tasks',
  'recommendations',
];

describe('open-data contract', () => {
  let test: TestApp;
  let datasets: { id: string; seedTable: string | null; downloads: { csv: string } }[];
  before(async () => {
    test = await createTestApp();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
    datasets = (await test.app.inject({ method: 'GET', url: '/api/v1/open-data' })).json().datasets;
  });
  after(() => test.close());

  it('publishes every dataset id of the contract, and one per indicator', async () => {
    const ids = new Set(datasets.map((dataset) => dataset.id));
    assert.deepEqual(
      contract.filter((id) => !ids.has(id)),
      [],
    );
    const indicators = (await test.app.inject({ method: 'GET', url: '/api/v1/indicators' })).json();
    const codes: string[] = (
      indicators.indicators ??
      indicators.areas?.flatMap((area: { indicators: { code: string }[] }) => area.indicators) ??
      []
    ).map((indicator: { code: string }) => indicator.code);
    assert.ok(codes.length >= 19, `the catalogue lists the indicators (${codes.length})`);
    for (const code of codes) assert.ok(ids.has(`indicator-${code}`), `indicator-${code}`);
  });

  it("carries, in each seed table's CSV, every figure the seed document gives for that table", async () => {
    const tables = datasets.filter((dataset) => dataset.seedTable);
    assert.deepEqual([...new Set(tables.map((dataset) => dataset.seedTable))].sort(), [
      'Table 1',
      'Table 3',
      'Table 4',
      'Table 5',
      'Table 6',
      'Table 7',
    ]);
    for (const dataset of tables) {
      const response = await test.app.inject({ method: 'GET', url: dataset.downloads.csv });
      assert.equal(response.statusCode, 200, dataset.id);
      assert.ok(response.body.startsWith('\uFEFF'), `${dataset.id}: the CSV begins with a byte-order mark`);
      const rows: Record<string, string>[] = parse(response.body, { bom: true, columns: true });
      // A figure may stand alone in a cell (1,300*) or inside one ("Environment (14)"): every number
      // the CSV writes counts.
      const cells = new Set(
        rows
          .flatMap((row) => Object.values(row))
          .flatMap((cell) => cell.replace(/(\d),(?=\d{3})/g, '$1').match(/\d+(\.\d+)?/g) ?? []),
      );
      const figures = await seedDb(test.database.db)
        .selectFrom('seed_figures')
        .select(['id', 'value'])
        .where('section', '=', dataset.seedTable as string)
        .execute();
      assert.ok(figures.length > 0, `${dataset.seedTable} has figures`);
      const missing = figures.filter((figure) => !cells.has(String(figure.value)));
      assert.deepEqual(
        missing.map((figure) => `${figure.id} = ${figure.value}`),
        [],
        `${dataset.id} (${dataset.seedTable}) lacks these figures of the seed`,
      );
    }
  });
});
