import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { modules as allModules } from '../../../server/modules.ts';
import { runCommand } from '../command.ts';
import type { ServerModule } from '../module.ts';
import { createTestDatabase, type TestDatabase } from '../testing.ts';
import { verifyAuditTrail } from './verify.ts';

/** A fixture module whose one table lets a command fail halfway (a duplicate name). */
const rollbackProbe: ServerModule = {
  name: 'rollbackprobe',
  migrations: new URL('./test-fixture/', import.meta.url),
};
const modules = [...allModules, rollbackProbe];
const actor = { userId: 'user-1', ip: '192.0.2.7' };

async function writeEntries(test: TestDatabase, count: number): Promise<number[]> {
  for (let index = 1; index <= count; index++) {
    await runCommand(test.database.db, actor, async ({ trx, audit }) => {
      await sql`insert into rollbackprobe_items (id, name) values (${index}, ${`item ${index}`})`.execute(
        trx,
      );
      await audit({
        action: 'rollbackprobe.create-item',
        entityType: 'rollbackprobe_items',
        entityId: String(index),
        after: { name: `item ${index}` },
      });
    });
  }
  const ids = await sql<{ id: number }>`select id from audit_trail order by id`.execute(test.database.db);
  return ids.rows.map((row) => Number(row.id));
}

/** Acting as someone with direct database access: the trigger is in the way, so they disable it. */
async function tamper(test: TestDatabase, statement: ReturnType<typeof sql>): Promise<void> {
  await test.database.db.transaction().execute(async (trx) => {
    await sql`alter table audit_trail disable trigger audit_trail_append_only`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_trail enable trigger audit_trail_append_only`.execute(trx);
  });
}

describe('audit trail verification', () => {
  let test: TestDatabase;
  before(async () => {
    test = await createTestDatabase(modules);
  });
  after(() => test.close());

  it('verifies an empty trail', async () => {
    assert.deepEqual(await verifyAuditTrail(test.database.db), {
      ok: true,
      rows: 0,
      lastHash: '0'.repeat(64),
    });
  });

  it('hashes values read back from the engine exactly as they were written', async () => {
    const awkward = [
      {
        name: '광주 인권도시',
        nested: { deeper: { deepest: ['가', 'ㄱ', '😀', 'a"b\\c', 'line\nbreak\ttab'] } },
      },
      { numbers: [0, -1, 1.5, 0.1 + 0.2, 1e-7, 1e21, 2 ** 53 + 2, -0, 123456789.12345679] },
      { nothing: null, empty: {}, emptyList: [], list: [null, [null, []], { a: null }] },
      { when: new Date('2024-02-29T14:59:59.123Z'), at: { inside: new Date(0) } },
      { keys: { b: 1, a: 2, 가: 3, A: 4, aa: 5, '': 6, ' ': 7 } },
      'a plain string',
      42,
      true,
      null,
      undefined,
      [],
      { lone: 'surrogate \ud800 here', key: '\udc00' },
    ];
    let written = 0;
    for (const [index, value] of awkward.entries()) {
      await runCommand(test.database.db, { userId: index % 2 ? null : 'user-한글', ip: null }, ({ audit }) =>
        audit({
          action: 'probe.write',
          entityType: 'probe',
          entityId: `한-${index}`,
          before: value,
          after: { value },
        }),
      );
      written++;
    }
    // Many more, with whatever JSON a request could carry, in full Unicode.
    await fc.assert(
      fc.asyncProperty(
        // jsonb refuses U+0000 in a string, as text columns refuse it: such input fails its command anyway.
        fc
          .jsonValue({ maxDepth: 4, stringUnit: 'binary' })
          .filter((value) => !JSON.stringify(value).includes('\\u0000')),
        fc.string({ unit: 'binary' }).map((text) => text.replaceAll('\0', '')),
        async (value, text) => {
          await runCommand(test.database.db, actor, ({ audit }) =>
            audit({
              action: 'probe.random',
              entityType: 'probe',
              entityId: text,
              after: value,
            }),
          );
          written++;
        },
      ),
      { numRuns: 150 },
    );
    const result = await verifyAuditTrail(test.database.db);
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.rows, written);
  });

  it('walks a trail longer than one page', async () => {
    const before = await verifyAuditTrail(test.database.db);
    await test.database.db.transaction().execute(async (trx) => {
      const { recordAudit } = await import('./record.ts');
      for (let index = 0; index < 2100; index++) {
        await recordAudit(trx, {
          actorId: null,
          ip: null,
          action: 'probe.bulk',
          entityType: 'probe',
          entityId: `${index}`,
        });
      }
    });
    const result = await verifyAuditTrail(test.database.db);
    assert.equal(result.ok, true);
    assert.equal(result.rows, before.rows + 2100);
  });
});

describe('audit verify detects tampering', () => {
  it('detects a row altered directly in the database', async () => {
    const test = await createTestDatabase(modules);
    try {
      const ids = await writeEntries(test, 5);
      const target = ids[2] as number;
      await tamper(test, sql`update audit_trail set after = '{"name": "forged"}' where id = ${target}`);
      assert.deepEqual(await verifyAuditTrail(test.database.db), {
        ok: false,
        rows: 3,
        firstBrokenId: target,
        reason: 'hash_mismatch',
      });
    } finally {
      await test.close();
    }
  });

  it('detects a deleted row at the row after it', async () => {
    const test = await createTestDatabase(modules);
    try {
      const ids = await writeEntries(test, 5);
      await tamper(test, sql`delete from audit_trail where id = ${ids[1] as number}`);
      const result = await verifyAuditTrail(test.database.db);
      assert.deepEqual(result, { ok: false, rows: 2, firstBrokenId: ids[2], reason: 'prev_hash_mismatch' });
    } finally {
      await test.close();
    }
  });

  it('detects a row whose hash was recomputed after the change, at the row after it', async () => {
    const test = await createTestDatabase(modules);
    try {
      const ids = await writeEntries(test, 4);
      await tamper(
        test,
        sql`update audit_trail set actor_id = 'someone-else', hash = md5(hash) || md5(hash) where id = ${ids[1] as number}`,
      );
      const result = await verifyAuditTrail(test.database.db);
      assert.equal(result.ok, false);
      assert.equal(result.ok === false && result.firstBrokenId, ids[1]);
    } finally {
      await test.close();
    }
  });
});

describe('audit tables are append-only', () => {
  let test: TestDatabase;
  before(async () => {
    test = await createTestDatabase(modules);
    await writeEntries(test, 2);
    await runCommand(test.database.db, actor, async ({ trx }) => {
      const { recordConfidentialRead } = await import('./access-log.ts');
      await recordConfidentialRead(trx, {
        ...actor,
        actorId: 'user-1',
        entityType: 'probe',
        entityId: '1',
        reason: 'test',
      });
    });
  });
  after(() => test.close());

  for (const table of ['audit_trail', 'audit_access_log']) {
    it(`refuses UPDATE and DELETE on ${table}`, async () => {
      const { db } = test.database;
      await assert.rejects(sql`update ${sql.table(table)} set entity_id = 'x'`.execute(db), /append-only/);
      await assert.rejects(sql`delete from ${sql.table(table)}`.execute(db), /append-only/);
      const count = await sql<{ count: number }>`select count(*) as count from ${sql.table(table)}`.execute(
        db,
      );
      assert.ok(Number(count.rows[0]?.count) > 0);
    });
  }
});

describe('a command that fails halfway', () => {
  it('rolls back both its change and its audit row', async () => {
    const test = await createTestDatabase(modules);
    try {
      const { db } = test.database;
      await writeEntries(test, 1);
      const failing = runCommand(db, actor, async ({ trx, audit }) => {
        await sql`insert into rollbackprobe_items (id, name) values (2, 'second')`.execute(trx);
        await audit({
          action: 'rollbackprobe.create-item',
          entityType: 'rollbackprobe_items',
          entityId: '2',
          after: { name: 'second' },
        });
        // The same name again: the unique constraint stops the command here, after a write and its audit row.
        await sql`insert into rollbackprobe_items (id, name) values (3, 'second')`.execute(trx);
      });
      await assert.rejects(failing, /unique|duplicate/i);
      const items = await sql<{ id: number }>`select id from rollbackprobe_items order by id`.execute(db);
      assert.deepEqual(
        items.rows.map((row) => row.id),
        [1],
      );
      const trail = await sql<{ entity_id: string }>`select entity_id from audit_trail order by id`.execute(
        db,
      );
      assert.deepEqual(
        trail.rows.map((row) => row.entity_id),
        ['1'],
      );
      // The chain goes on from the last committed row, across the id the failed command used up.
      await runCommand(db, actor, ({ audit }) =>
        audit({ action: 'rollbackprobe.create-item', entityType: 'rollbackprobe_items', entityId: '4' }),
      );
      const result = await verifyAuditTrail(db);
      assert.equal(result.ok, true);
      assert.equal(result.rows, 2);
    } finally {
      await test.close();
    }
  });
});
