/**
 * The authorization matrix: every operation of the OpenAPI document × the anonymous public and every
 * role × (for a per-record route) the caller's own record and someone else's, against the expected
 * table: the kernel's rows beside this file (`authorization-matrix.csv`), each module's in its
 * `reliability/authorization.csv` (see `contributions.ts`). A cell says `allow`, `deny`, or `own`
 * (allowed on the caller's own record, refused on another's). A new route without a row, or a row
 * for a route that is gone, fails the suite: who may call what is decided in review, not by default.
 *
 * Refused means a 401 or 403 problem whose code is `unauthenticated` or `forbidden`; anything else (a
 * 2xx, a 400 for the generated input, a 404, a 409) means the caller got past the gate and the
 * policy. A 5xx fails the suite whatever the cell says.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { createUser } from '../kernel/server/accounts/testing.ts';
import { runCommand } from '../kernel/server/command.ts';
import { type NotificationsTables, notify } from '../kernel/server/notifications/notify.ts';
import { loadDataset } from '../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../kernel/server/testing.ts';
import { type Role, roles } from '../kernel/shared/roles.ts';
import { modules } from '../server/modules.ts';
import { fromSchema, type JsonSchema } from './arbitraries.ts';
import {
  type AuthorizationContext,
  type Contribution,
  loadContributions,
  type RecordsOf,
  type Variants,
} from './contributions.ts';
import { listOperations, type Operation, sessionHeaders, urlOf } from './operations.ts';

const kernelTable = new URL('./authorization-matrix.csv', import.meta.url);
const callers = ['anonymous', ...roles] as const;
type Caller = (typeof callers)[number];
type Cell = 'allow' | 'deny' | 'own';

const refusalCodes = new Set(['unauthenticated', 'forbidden']);

function readTable(files: readonly URL[]): Map<string, Record<Caller, Cell>> {
  const table = new Map<string, Record<Caller, Cell>>();
  for (const file of files) {
    const name = file.pathname.replace(/^.*\/src\//, 'src/');
    const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
      string,
      string
    >[];
    for (const row of rows) {
      const operation = row.operation ?? '';
      const cells = {} as Record<Caller, Cell>;
      for (const caller of callers) {
        const cell = row[caller];
        if (cell !== 'allow' && cell !== 'deny' && cell !== 'own') {
          throw new Error(`${name}: ${operation} × ${caller} is "${cell}"; use allow, deny or own`);
        }
        if (cell === 'own' && caller === 'anonymous') {
          throw new Error(`${name}: ${operation}: the anonymous public owns no record`);
        }
        cells[caller] = cell;
      }
      if (table.has(operation)) throw new Error(`${name}: ${operation} appears twice in the matrix`);
      table.set(operation, cells);
    }
  }
  return table;
}

/** One input per schema, the same on every run. */
function sampleOf(schema: JsonSchema): unknown {
  return fc.sample(fromSchema(schema, 'valid'), { seed: 11, numRuns: 1 })[0];
}

type Observed = Record<Caller, Cell>;

describe('authorization matrix', () => {
  let test: TestApp;
  let operations: Operation[];
  let table: Map<string, Record<Caller, Cell>>;
  let contributions: Contribution[];
  /** The modules' records, once made. */
  const moduleRecords: RecordsOf[] = [];
  const rawBodies: Record<string, { contentType: string; payload: string }> = {};
  const users = {} as Record<Role, { id: string }>;
  let bystander: { id: string };
  const rightCode = 'reliability-article';
  const observed = new Map<string, Observed>();
  /** One notification per user, by user id. */
  const notificationOf = new Map<string, string>();
  const problems: string[] = [];

  /**
   * Path values that name a real record: the kernel's here, each module's from its contribution.
   * Routes whose rule depends on who owns the record say how to find the caller's own and another's;
   * others get any existing record; a route not listed gets values generated from its schema (the
   * role gate answers before the record is looked up).
   */
  const recordsOf = (caller: { id: string } | undefined): Record<string, Variants> => {
    const records: Record<string, Variants> = {
      '/api/v1/users/{id}': {
        ...(caller ? { own: { id: caller.id } } : {}),
        another: { id: bystander.id },
        exists: true,
      },
      // Each user's own notification, and the bystander's (another's is a 404, as if it were not there).
      '/api/v1/notifications/{id}/read': {
        ...(caller ? { own: { id: notificationOf.get(caller.id) } } : {}),
        another: { id: notificationOf.get(bystander.id) },
        exists: true,
      },
      '/api/v1/vocabularies/rights/{code}': { another: { code: rightCode }, exists: true },
      '/api/v1/vocabularies/{vocabulary}': { another: { vocabulary: 'districts' }, exists: true },
      '/api/v1/vocabularies/{vocabulary}/{code}': {
        another: { vocabulary: 'districts', code: 'dong-gu' },
        exists: true,
      },
      '/api/v1/open-data/{id}.csv': { another: { id: 'figures' }, exists: true },
      '/api/v1/open-data/{id}.json': { another: { id: 'figures' }, exists: true },
      '/api/v1/open-data/{id}.xlsx': { another: { id: 'figures' }, exists: true },
      // A year is any year: the report is generated for it (the PDF starts Chromium only past the gate).
      '/api/v1/report/{year}.html': { another: { year: 2026 }, exists: false },
      '/api/v1/report/{year}.pdf': { another: { year: 2026 }, exists: false },
    };
    for (const recordsOfModule of moduleRecords) Object.assign(records, recordsOfModule(caller));
    return records;
  };

  const context = (): AuthorizationContext => ({
    test,
    users,
    headers: (userId) => sessionHeaders(test.database.db, userId),
  });

  async function ensureRight() {
    const found = await test.app.inject({ method: 'GET', url: `/api/v1/vocabularies/rights/${rightCode}` });
    if (found.statusCode === 200) return;
    const created = await test.app.inject({
      method: 'POST',
      url: '/api/v1/vocabularies/rights',
      headers: await sessionHeaders(test.database.db, users.admin.id),
      payload: { code: rightCode, number: 901, title: { ko: '시험 조항', en: 'Test article' } },
    });
    assert.equal(created.statusCode, 201, created.body);
  }

  /** Whether `caller` gets past the gate and the policy with these path values. */
  async function call(
    operation: Operation,
    caller: Caller,
    values: Record<string, unknown>,
    exists: boolean,
  ) {
    // A deletion allowed for one caller must not turn the next caller's call into a 404.
    if (operation.path === '/api/v1/vocabularies/rights/{code}') await ensureRight();
    for (const { reliability } of contributions) await reliability.beforeCall?.(operation.id, context());
    const user = caller === 'anonymous' ? undefined : users[caller];
    const query = Object.fromEntries(
      operation.queryParameters.filter((p) => p.required).map((p) => [p.name, sampleOf(p.schema)]),
    );
    const raw = rawBodies[operation.id];
    const body = operation.body ? JSON.stringify(sampleOf(operation.body)) : raw?.payload;
    const contentType = operation.body ? 'application/json' : raw?.contentType;
    const response = await test.app.inject({
      method: operation.method as 'GET',
      url: urlOf(operation, values, query),
      headers: {
        ...(user ? await sessionHeaders(test.database.db, user.id) : {}),
        ...(contentType ? { 'content-type': contentType } : {}),
      },
      ...(body === undefined ? {} : { payload: body }),
    });
    const code = response.statusCode >= 400 ? (response.json() as { code?: string }).code : undefined;
    if (response.statusCode >= 500) {
      problems.push(`${operation.id} × ${caller}: ${response.statusCode} ${response.body}`);
    }
    if (code === 'csrf_failed')
      throw new Error(`${operation.id} × ${caller}: the suite sent no valid CSRF token`);
    const refused =
      ((response.statusCode === 401 || response.statusCode === 403) && refusalCodes.has(code ?? '')) ||
      (exists && response.statusCode === 404);
    return refused ? 'deny' : 'allow';
  }

  /** Each caller's cell as the running app behaves. */
  async function observe(operation: Operation): Promise<Observed> {
    const cells = {} as Observed;
    for (const caller of callers) {
      const records = recordsOf(caller === 'anonymous' ? undefined : users[caller])[operation.path];
      const generated = Object.fromEntries(operation.pathParameters.map((p) => [p.name, sampleOf(p.schema)]));
      const exists = records?.exists ?? false;
      const onAnother = await call(operation, caller, records?.another ?? generated, exists);
      const onOwn = records?.own ? await call(operation, caller, records.own, exists) : onAnother;
      if (onOwn === onAnother) cells[caller] = onOwn;
      else if (onOwn === 'allow') cells[caller] = 'own';
      else {
        problems.push(`${operation.id} × ${caller}: refused on their own record, allowed on another's`);
        cells[caller] = 'deny';
      }
    }
    return cells;
  }

  before(async () => {
    test = await createTestApp();
    const { database } = test;
    await loadDataset({ database, modules, city: 'gwangju', reset: false, demo: false });
    for (const role of roles) users[role] = await createUser(database, { role });
    bystander = await createUser(database, { role: 'organisation', displayName: 'Bystander' });
    for (const { id } of [...Object.values(users), bystander]) {
      await runCommand(database.db, { userId: null }, ({ trx }) =>
        notify(trx, {
          kind: 'recommendations.addressed',
          recipients: { userIds: [id] },
          title: { ko: '시험 알림', en: 'Test notification' },
          path: null,
        }),
      );
      const row = await database.db
        .withTables<NotificationsTables>()
        .selectFrom('notifications_items')
        .select('id')
        .where('user_id', '=', id)
        .executeTakeFirstOrThrow();
      notificationOf.set(id, row.id);
    }
    await ensureRight();
    operations = await listOperations(test.app);
    contributions = await loadContributions(modules.map((module) => module.name));
    table = readTable([kernelTable, ...contributions.flatMap((contribution) => contribution.matrix ?? [])]);
    for (const { reliability } of contributions) {
      Object.assign(rawBodies, reliability.rawBodies ?? {});
      const records = await reliability.authorizationRecords?.(context());
      if (records) moduleRecords.push(records);
    }
    for (const operation of operations) observed.set(operation.id, await observe(operation));
  });
  after(() => test?.close());

  const row = (id: string, cells: Observed) => [id, ...callers.map((caller) => cells[caller])].join(',');

  it('has a row for every operation of the API, and none for an operation that is gone', () => {
    const missing = operations.filter((operation) => !table.has(operation.id));
    assert.deepEqual(
      missing.map((operation) => operation.id),
      [],
      "Add rows for these operations to their module's reliability/authorization.csv (the kernel's to " +
        'src/reliability/authorization-matrix.csv). What the app does today ' +
        `is below; check each cell against the module's policy before you copy it:\n${missing
          .map((operation) => row(operation.id, observed.get(operation.id) as Observed))
          .join('\n')}`,
    );
    const known = new Set(operations.map((operation) => operation.id));
    const stale = [...table.keys()].filter((id) => !known.has(id));
    assert.deepEqual(stale, [], 'Remove these rows from the matrix: the API has no such operation');
  });

  it('lets each caller do exactly what the table says, and no call fails', () => {
    const mismatches: string[] = [...problems];
    for (const operation of operations) {
      const expected = table.get(operation.id);
      const actual = observed.get(operation.id);
      if (!expected || !actual) continue;
      for (const caller of callers) {
        if (expected[caller] === 'own' && !recordsOf(users.admin)[operation.path]?.own) {
          mismatches.push(
            `${operation.id} × ${caller}: the table says "own", but the suite cannot find a caller's own record: make one in the module's reliability/index.ts (authorizationRecords)`,
          );
        } else if (expected[caller] !== actual[caller]) {
          mismatches.push(
            `${operation.id} × ${caller}: the table says ${expected[caller]}, the app does ${actual[caller]}`,
          );
        }
      }
    }
    assert.deepEqual(mismatches, [], `Authorization differs from the matrix:\n${mismatches.join('\n')}`);
  });
});
