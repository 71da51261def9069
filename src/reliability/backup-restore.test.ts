/**
 * Backup and restore round trip, through the command line as an operator runs it: a database that a
 * real server filled (the dataset, accounts, a charter article, complaints when the ombudsman module
 * is installed, and their audit trail) is backed up with `rightscity backup` and restored with
 * `rightscity restore` into an empty database of each engine at hand; every table's row count and
 * checksum (computed here, from the catalogue, independently of the backup code) are equal.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { type Engine, openDatabase } from '../kernel/server/db.ts';
import { createServerDatabase, testEngine } from '../kernel/server/testing.ts';
import { runCli } from '../server/test-support/run-cli.ts';
import { spawnServer } from '../server/test-support/spawn-server.ts';
import { logIn, send } from './http.ts';

const admin = { email: 'admin@reliability.example', password: 'correct horse battery staple' };
const secret = 'reliability-backup-secret-0123456789abcdef';

interface Place {
  engine: Engine;
  env: Record<string, string>;
  open(): ReturnType<typeof openDatabase>;
  drop(): Promise<void>;
}

async function newPlace(engine: Engine): Promise<Place> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rightscity-backup-'));
  if (engine === 'pglite') {
    return {
      engine,
      env: { DATA_DIR: dataDir, RIGHTSCITY_SECRET: secret },
      open: () => openDatabase({ pgliteDir: join(dataDir, 'pglite') }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const server = await createServerDatabase();
  return {
    engine,
    env: { DATA_DIR: dataDir, DATABASE_URL: server.url, RIGHTSCITY_SECRET: secret },
    open: () => openDatabase({ databaseUrl: server.url }),
    async drop() {
      await server.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Row count and md5 of the rows' text, per table, in UTC and with every float digit. */
async function fingerprint(place: Place): Promise<Record<string, string>> {
  const database = await place.open();
  try {
    return await database.db.transaction().execute(async (trx) => {
      await sql`set local timezone = 'UTC'; set local extra_float_digits = 1`.execute(trx);
      const tables = await sql<{ name: string }>`
        select tablename as name from pg_tables where schemaname = 'public' order by tablename`.execute(trx);
      const result: Record<string, string> = {};
      for (const { name } of tables.rows) {
        const row = await sql<{ rows: number; md5: string | null }>`
          select count(*)::int as rows, md5(string_agg(t::text, E'\\n' order by t::text)) as md5
          from ${sql.table(name)} t`.execute(trx);
        result[name] = `${row.rows[0]?.rows} rows, md5 ${row.rows[0]?.md5 ?? '-'}`;
      }
      return result;
    });
  } finally {
    await database.close();
  }
}

describe('backup and restore round trip', () => {
  const targets: Engine[] = testEngine === 'postgresql' ? ['postgresql', 'pglite'] : ['pglite'];
  let source: Place;
  let backupDir: string;
  let backupFile: string;
  let expected: Record<string, string>;

  before(async () => {
    source = await newPlace(testEngine);
    backupDir = mkdtempSync(join(tmpdir(), 'rightscity-backup-file-'));
    backupFile = join(backupDir, 'city.backup');
    const server = await spawnServer({
      ...source.env,
      RIGHTSCITY_ADMIN_EMAIL: admin.email,
      RIGHTSCITY_ADMIN_PASSWORD: admin.password,
    });
    try {
      const { headers } = await logIn(server.url, admin);
      for (const [index, role] of ['officer', 'ombudsman', 'organisation'].entries()) {
        const created = await send(`${server.url}/api/v1/users`, {
          method: 'POST',
          headers,
          body: {
            email: `${role}@reliability.example`,
            displayName: `${role} 사용자 ${index} 👩‍👩‍👧`,
            role,
            password: 'another long password',
          },
        });
        assert.equal(created.status, 201, created.body);
      }
      const right = await send(`${server.url}/api/v1/vocabularies/rights`, {
        method: 'POST',
        headers,
        body: { code: 'backup-article', number: 903, title: { ko: '백업 조항 =1+1', en: 'Backup\narticle' } },
      });
      assert.equal(right.status, 201, right.body);
      const document = (await send(`${server.url}/api/v1/openapi.json`)).json<{
        paths: Record<string, object>;
      }>();
      if (document.paths['/api/v1/ombudsman/complaints']) {
        for (let i = 0; i < 5; i++) {
          const filed = await send(`${server.url}/api/v1/ombudsman/complaints`, {
            method: 'POST',
            body: {
              complainant: { name: `홍길동 ${i}`, email: `complainant${i}@reliability.example` },
              respondent: '광주광역시 시험과',
              summary: `백업 시험 민원 ${i}`,
              description: '백업과 복원 뒤에도 그대로여야 합니다.',
              consent: true,
            },
          });
          assert.equal(filed.status, 201, filed.body);
        }
      }
    } finally {
      await server.stop();
    }
    expected = await fingerprint(source);
    const backup = await runCli(['backup', backupFile], source.env);
    assert.equal(backup.code, 0, backup.output);
  });
  after(async () => {
    await source?.drop();
    rmSync(backupDir, { recursive: true, force: true });
  });

  for (const engine of targets) {
    it(`restores a ${testEngine} backup into ${engine} with every table's rows and checksum equal`, async () => {
      const target = await newPlace(engine);
      try {
        const restore = await runCli(['restore', backupFile], target.env);
        assert.equal(restore.code, 0, restore.output);
        const actual = await fingerprint(target);
        assert.ok(Object.keys(expected).length > 5);
        assert.deepEqual(actual, expected);
        const verify = await runCli(['audit', 'verify'], target.env);
        assert.equal(verify.code, 0, verify.output);
      } finally {
        await target.drop();
      }
    });
  }
});
