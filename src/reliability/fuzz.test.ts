/**
 * Fuzzing every operation of the OpenAPI document with inputs generated from its own schemas
 * (`arbitraries.ts`: valid values mixed with hostile ones), signed in as an admin so that the routes
 * behind the role gate run their handlers too. No input may give a 5xx, and the server must still
 * answer its health check after each operation. Afterwards, no cell of any open-data CSV may start
 * like a spreadsheet formula.
 *
 * Seeded: a failure prints the seed and path that reproduce it (`FUZZ_SEED=… FUZZ_RUNS=…` to replay
 * or to run longer).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { createUser } from '../kernel/server/accounts/testing.ts';
import { loadDataset } from '../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../kernel/server/testing.ts';
import { modules } from '../server/modules.ts';
import { inputOf } from './arbitraries.ts';
import { listOperations, type Operation, sessionHeaders, urlOf } from './operations.ts';

const seed = Number(process.env.FUZZ_SEED ?? 20_250_518);
const numRuns = Number(process.env.FUZZ_RUNS ?? 30);
/** Operations that start a browser for each call: a few runs prove they stay up, thirty cost minutes. */
const costlyRuns: Record<string, number> = { 'GET /api/v1/report/{year}.pdf': 2 };

/** A spreadsheet would run these as a formula; a plain number (-3, +1.5) is only a number. */
const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/;

describe('fuzzing every operation', () => {
  let test: TestApp;
  let operations: Operation[];
  let adminId: string;
  /** Values that name real records, mixed into generated path parameters so that handlers find them. */
  const realValues: Record<string, string[]> = {
    vocabulary: ['rights', 'departments', 'districts', 'target-groups', 'sdg-goals', 'sdg-targets'],
    code: ['dong-gu', 'fuzz-article', '1'],
    id: ['figures', 'bureau-divisions'],
  };

  before(async () => {
    test = await createTestApp();
    const { database } = test;
    await loadDataset({ database, modules, city: 'gwangju', reset: false, demo: true });
    const admin = await createUser(database, { role: 'admin' });
    const other = await createUser(database, { role: 'officer' });
    adminId = admin.id;
    realValues.id?.push(admin.id, other.id);
    const created = await test.app.inject({
      method: 'POST',
      url: '/api/v1/vocabularies/rights',
      headers: await sessionHeaders(database.db, adminId),
      payload: { code: 'fuzz-article', number: 902, title: { ko: '=1+1', en: '@SUM(A1)' } },
    });
    assert.equal(created.statusCode, 201, created.body);
    // Deletions last: a record deleted early would turn every later edit of it into a 404.
    const all = await listOperations(test.app);
    operations = [...all.filter((o) => o.method !== 'DELETE'), ...all.filter((o) => o.method === 'DELETE')];
  });
  after(() => test?.close());

  it('answers every generated input without a 5xx, and stays up', async () => {
    // Every operation is fuzzed even after one fails: one module's bug must not hide another's.
    const failures: string[] = [];
    for (const operation of operations) {
      const pathValues = fc.record(
        Object.fromEntries(
          operation.pathParameters.map((parameter) => [
            parameter.name,
            fc.oneof(fc.constantFrom(...(realValues[parameter.name] ?? ['x'])), inputOf(parameter.schema)),
          ]),
        ),
      );
      const query = fc.record(
        Object.fromEntries(
          operation.queryParameters.map((parameter) => [parameter.name, inputOf(parameter.schema)]),
        ),
        { requiredKeys: [] },
      );
      const body = operation.body ? inputOf(operation.body) : fc.constant(undefined);
      const run = fc.assert(
        fc.asyncProperty(pathValues, query, body, async (values, queryValues, payload) => {
          const response = await test.app.inject({
            method: operation.method as 'GET',
            url: urlOf(operation, values, queryValues),
            headers: {
              ...(await sessionHeaders(test.database.db, adminId)),
              ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
          });
          assert.ok(
            response.statusCode < 500,
            `${operation.id}: ${response.statusCode} ${response.body.slice(0, 500)}`,
          );
          const health = await test.app.inject({ method: 'GET', url: '/api/v1/health' });
          assert.equal(health.statusCode, 200, `${operation.id}: the health check failed afterwards`);
        }),
        { seed, numRuns: Math.min(numRuns, costlyRuns[operation.id] ?? numRuns), endOnFailure: true },
      );
      await run.catch((error: unknown) =>
        failures.push(error instanceof Error ? error.message : String(error)),
      );
    }
    assert.deepEqual(failures, [], `${failures.length} operation(s) failed:\n${failures.join('\n\n')}`);
  });

  it('neutralises formulas in every open-data CSV', async () => {
    const catalogue = await test.app.inject({ method: 'GET', url: '/api/v1/open-data' });
    const { datasets } = catalogue.json() as { datasets: { id: string; downloads: { csv: string } }[] };
    assert.ok(datasets.length > 0);
    for (const dataset of datasets) {
      const response = await test.app.inject({ method: 'GET', url: dataset.downloads.csv });
      assert.equal(response.statusCode, 200);
      const cells = (parse(response.body, { bom: true, relax_column_count: true }) as string[][]).flat();
      const formulas = cells.filter((cell) => formulaStart.test(cell) && !plainNumber.test(cell));
      assert.deepEqual(formulas, [], `${dataset.id}.csv has cells a spreadsheet would run`);
    }
  });
});
