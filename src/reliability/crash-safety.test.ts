/**
 * Crash safety. A real server process takes acknowledged writes (new accounts through the admin API,
 * and complaints through the public form when the ombudsman module is installed) from several clients
 * at once, and is killed with SIGKILL at random moments, 20 times, restarted each time. Afterwards:
 * every write the server acknowledged (a 201 reached the client) exists; nothing is half-written
 * (every record has the audit row of its creation, and every such audit row its record); the audit
 * chain verifies (`rightscity audit verify`); the server starts and answers.
 *
 * On PostgreSQL the database itself is also crashed (immediate shutdown) in the middle of the load and
 * started again, on a cluster of the suite's own (`pg-cluster.ts`).
 *
 * The moments are drawn from a seeded generator: CRASH_SEED replays a run.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../kernel/server/db.ts';
import { createServerDatabase, testEngine } from '../kernel/server/testing.ts';
import { runCli } from '../server/test-support/run-cli.ts';
import { type ServerProcess, spawnServer } from '../server/test-support/spawn-server.ts';
import { logIn, send } from './http.ts';
import { createPgCluster, whyNoPrivateCluster } from './pg-cluster.ts';

const kills = 20;
const seed = Number(process.env.CRASH_SEED ?? 518);
const admin = { email: 'admin@reliability.example', password: 'correct horse battery staple' };
const clientsPerWrite = 3;

/** mulberry32: small, seeded, good enough to pick moments. */
function random(state: number) {
  let value = state;
  return () => {
    value = (value + 0x6d2b79f5) | 0;
    let t = Math.imul(value ^ (value >>> 15), 1 | value);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A write the server acknowledges with a receipt, and where its record and audit row are found. */
interface AcknowledgedWrite {
  name: string;
  /** The operation that must be in the OpenAPI document for this write to run. */
  operation: string;
  table: string;
  /** The column that holds the receipt the client was given. */
  receiptColumn: string;
  createActions: string[];
  /** One write; the receipt when the server acknowledged it, null when it refused or fell silent. */
  write(baseUrl: string, headers: Record<string, string>, n: number): Promise<string | null>;
}

const writes: AcknowledgedWrite[] = [
  {
    name: 'accounts',
    operation: 'post /api/v1/users',
    table: 'accounts_users',
    receiptColumn: 'email',
    createActions: ['accounts.create-user'],
    async write(baseUrl, headers, n) {
      const email = `crash-${n}@reliability.example`;
      const response = await send(`${baseUrl}/api/v1/users`, {
        method: 'POST',
        headers,
        body: { email, displayName: `Crash ${n}`, role: 'officer', password: 'another long password' },
      });
      return response.status === 201 ? email : null;
    },
  },
  {
    name: 'complaints',
    operation: 'post /api/v1/ombudsman/complaints',
    table: 'ombudsman_cases',
    receiptColumn: 'receipt_number',
    createActions: ['ombudsman.file-complaint'],
    async write(baseUrl, _headers, n) {
      const response = await send(`${baseUrl}/api/v1/ombudsman/complaints`, {
        method: 'POST',
        body: {
          anonymous: true,
          respondent: '광주광역시 시험과',
          summary: `충돌 시험 ${n}`,
          description: `서버가 죽어도 접수증을 받은 민원은 남아야 합니다. ${n}`,
          consent: true,
        },
      });
      return response.status === 201 ? response.json<{ receiptNumber: string }>().receiptNumber : null;
    },
  },
];

interface Load {
  acknowledged: Map<string, string[]>;
  /** Stops the clients and waits for their last requests. */
  stop(): Promise<void>;
}

/** Clients that write until stopped; a refused connection (the server is down) just ends a try. */
function startLoad(
  baseUrl: () => string,
  headers: () => Record<string, string>,
  active: AcknowledgedWrite[],
  counter: { next: number },
): Load {
  const acknowledged = new Map(active.map((write) => [write.name, [] as string[]]));
  let running = true;
  const clients = active.flatMap((write) =>
    Array.from({ length: clientsPerWrite }, async () => {
      while (running) {
        const n = counter.next++;
        try {
          const receipt = await write.write(baseUrl(), headers(), n);
          if (receipt) acknowledged.get(write.name)?.push(receipt);
        } catch {
          await sleep(20);
        }
      }
    }),
  );
  return {
    acknowledged,
    async stop() {
      running = false;
      await Promise.all(clients);
    },
  };
}

async function availableWrites(baseUrl: string): Promise<AcknowledgedWrite[]> {
  const document = (await send(`${baseUrl}/api/v1/openapi.json`)).json<{ paths: Record<string, object> }>();
  return writes.filter((write) => {
    const [method = '', path = ''] = write.operation.split(' ');
    return method in (document.paths[path] ?? {});
  });
}

/** Every acknowledged receipt is stored, and every record and its creation's audit row go together. */
async function checkDatabase(
  database: Database,
  active: AcknowledgedWrite[],
  acknowledged: Map<string, string[]>,
) {
  const db = database.db;
  for (const write of active) {
    const receipts = acknowledged.get(write.name) ?? [];
    const stored = await sql<{ receipt: string }>`
      select ${sql.ref(write.receiptColumn)} as receipt from ${sql.table(write.table)}`.execute(db);
    const present = new Set(stored.rows.map((row) => row.receipt));
    const lost = receipts.filter((receipt) => !present.has(receipt));
    assert.deepEqual(lost, [], `${write.name}: acknowledged, then lost after a crash`);

    const withoutAudit = await sql<{ id: string }>`
      select t.id::text as id from ${sql.table(write.table)} t
      where not exists (
        select 1 from audit_trail a
        where a.entity_type = ${write.table} and a.entity_id = t.id::text and a.action in (${sql.join(write.createActions)}))`.execute(
      db,
    );
    assert.deepEqual(withoutAudit.rows, [], `${write.name}: records without the audit row of their creation`);
    const auditWithout = await sql<{ id: string }>`
      select a.entity_id as id from audit_trail a
      where a.entity_type = ${write.table} and a.action in (${sql.join(write.createActions)})
        and not exists (select 1 from ${sql.table(write.table)} t where t.id::text = a.entity_id)`.execute(
      db,
    );
    assert.deepEqual(
      auditWithout.rows,
      [],
      `${write.name}: audit rows of a creation whose record is missing`,
    );
  }
}

describe('crash safety', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let serverDatabase: Awaited<ReturnType<typeof createServerDatabase>> | undefined;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rightscity-crash-'));
    serverDatabase = testEngine === 'postgresql' ? await createServerDatabase() : undefined;
    env = {
      DATA_DIR: dataDir,
      RIGHTSCITY_ADMIN_EMAIL: admin.email,
      RIGHTSCITY_ADMIN_PASSWORD: admin.password,
      // The clients file complaints from one address; refusals would only thin out the writes under test.
      RATE_LIMIT_PER_ADDRESS: '1000000',
      RATE_LIMIT_PER_BROWSER: '1000000',
      ...(serverDatabase ? { DATABASE_URL: serverDatabase.url } : {}),
    };
  });
  after(async () => {
    await serverDatabase?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write through ${kills} SIGKILLs of the server`, async (t) => {
    const next = random(seed);
    const counter = { next: 0 };
    const acknowledged = new Map<string, string[]>();
    let active: AcknowledgedWrite[] = [];
    for (let round = 0; round < kills; round++) {
      const server = await spawnServer(env);
      if (round === 0) active = await availableWrites(server.url);
      const session = await logIn(server.url, admin);
      const load = startLoad(
        () => server.url,
        () => session.headers,
        active,
        counter,
      );
      await sleep(150 + next() * 1200);
      server.child.kill('SIGKILL');
      await load.stop();
      await server.stop();
      for (const [name, receipts] of load.acknowledged) {
        acknowledged.set(name, [...(acknowledged.get(name) ?? []), ...receipts]);
      }
    }
    const total = [...acknowledged.values()].reduce((sum, receipts) => sum + receipts.length, 0);
    assert.ok(total > kills, `only ${total} writes were acknowledged: the load did not run`);
    for (const [name, receipts] of acknowledged) t.diagnostic(`${name}: ${receipts.length} acknowledged`);

    const final = await spawnServer(env);
    assert.equal((await send(`${final.url}/api/v1/health`)).status, 200);
    await final.stop();

    const database = await openDatabase(
      serverDatabase ? { databaseUrl: serverDatabase.url } : { pgliteDir: join(dataDir, 'pglite') },
    );
    try {
      await checkDatabase(database, active, acknowledged);
    } finally {
      await database.close();
    }
    const verify = await runCli(['audit', 'verify'], env);
    assert.equal(verify.code, 0, verify.output);
    assert.match(verify.output, /Audit trail OK/);
  });

  const noCluster = testEngine === 'postgresql' ? whyNoPrivateCluster() : 'PostgreSQL only (DATABASE_URL)';
  it('keeps every acknowledged write when PostgreSQL itself crashes mid-load', {
    skip: noCluster,
  }, async () => {
    const cluster = await createPgCluster();
    let server: ServerProcess | undefined;
    try {
      const clusterEnv = { ...env, DATABASE_URL: cluster.url };
      server = await spawnServer(clusterEnv);
      const running = server;
      const active = await availableWrites(running.url);
      const session = await logIn(running.url, admin);
      const load = startLoad(
        () => running.url,
        () => session.headers,
        active,
        { next: 100_000 },
      );
      await sleep(1500);
      cluster.crash();
      await sleep(1000);
      cluster.start();
      // The server reconnects by itself: writes are acknowledged again without a restart.
      const resumedFrom = [...load.acknowledged.values()].reduce((sum, receipts) => sum + receipts.length, 0);
      await sleep(2500);
      await load.stop();
      const resumed = [...load.acknowledged.values()].reduce((sum, receipts) => sum + receipts.length, 0);
      assert.ok(resumed > resumedFrom, 'no write was acknowledged after the database came back');
      assert.equal((await send(`${running.url}/api/v1/health`)).status, 200);
      await running.stop();

      const database = await openDatabase({ databaseUrl: cluster.url });
      try {
        await checkDatabase(database, active, load.acknowledged);
      } finally {
        await database.close();
      }
      const verify = await runCli(['audit', 'verify'], clusterEnv);
      assert.equal(verify.code, 0, verify.output);
    } finally {
      await server?.stop('SIGKILL');
      cluster.destroy();
    }
  });
});
