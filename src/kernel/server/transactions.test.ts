import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { modules } from '../../server/modules.ts';
import { counterModule } from './fixtures/counter/module.ts';
import { createTestApp, type TestApp } from './testing.ts';

describe('transactions', () => {
  let test: TestApp;
  before(async () => {
    test = await createTestApp({ modules: [...modules, counterModule] });
  });
  after(() => test.close());

  const readState = async () => {
    const db = test.database.db;
    const total = await sql<{ value: number }>`select value from counter_totals where id = 1`.execute(db);
    const log = await sql<{ request: string; step: number }>`
      select request, step from counter_log order by seq`.execute(db);
    return { value: total.rows[0]?.value, log: log.rows };
  };

  it('50 concurrent requests writing the same row lose nothing and interleave nothing', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        test.app.inject({
          method: 'POST',
          url: '/api/v1/counter/increment',
          payload: { request: `r${index}` },
        }),
      ),
    );
    assert.deepEqual(
      responses.map((response) => response.statusCode),
      Array(50).fill(200),
    );
    // Every request saw a distinct value: no two read the same "before".
    const values = responses.map((response) => response.json().value).sort((a, b) => a - b);
    assert.deepEqual(
      values,
      Array.from({ length: 50 }, (_, index) => index + 1),
    );
    const state = await readState();
    assert.equal(state.value, 50);
    assert.equal(state.log.length, 100);
    // Each request's two steps are adjacent in commit order: no other request's step came between.
    for (let index = 0; index < state.log.length; index += 2) {
      const [first, second] = [state.log[index], state.log[index + 1]];
      assert.equal(first?.step, 1);
      assert.equal(second?.step, 2);
      assert.equal(first?.request, second?.request);
    }
  });

  it('rolls back every write of a command that fails halfway, audit row included', async () => {
    const before = await readState();
    const auditBefore = await sql<{ count: number }>`select count(*)::int as count from audit_trail`.execute(
      test.database.db,
    );
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/counter/increment',
      payload: { request: 'doomed', fail: true },
    });
    assert.equal(response.statusCode, 500);
    assert.deepEqual(await readState(), before);
    const auditAfter = await sql<{ count: number }>`select count(*)::int as count from audit_trail`.execute(
      test.database.db,
    );
    assert.equal(auditAfter.rows[0]?.count, auditBefore.rows[0]?.count);
  });
});
