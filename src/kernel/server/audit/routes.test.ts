import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { roles } from '../../shared/roles.ts';
import { createUser, signIn } from '../accounts/testing.ts';
import { runCommand } from '../command.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import { recordConfidentialRead } from './access-log.ts';

type Headers = Record<string, string>;

describe('audit API', () => {
  let test: TestApp;
  let admin: Headers;
  let adminId: string;
  const urls = ['/api/v1/audit/trail', '/api/v1/audit/access-log', '/api/v1/audit/verify'];

  before(async () => {
    test = await createTestApp();
    const account = await createUser(test.database, { role: 'admin' });
    adminId = account.id;
    admin = (await signIn(test.app, account)).headers;
    const { db } = test.database;
    for (const id of ['case-1', 'case-2', 'case-3']) {
      await runCommand(db, { userId: 'officer-7', ip: '192.0.2.1' }, ({ audit }) =>
        audit({
          action: 'probe.open-case',
          entityType: 'probe_case',
          entityId: id,
          after: { title: `사건 ${id}` },
        }),
      );
    }
    await runCommand(db, { userId: 'ombudsman-1', ip: '192.0.2.2' }, async ({ trx }) => {
      await recordConfidentialRead(trx, {
        actorId: 'ombudsman-1',
        ip: '192.0.2.2',
        entityType: 'probe_complainant',
        entityId: 'c-1',
        reason: '조사 기록 검토',
      });
      await recordConfidentialRead(trx, {
        actorId: 'officer-7',
        ip: null,
        entityType: 'probe_witness',
        entityId: 'w-9',
        reason: 'case review',
      });
    });
  });
  after(() => test.close());

  const get = (url: string, headers: Headers = admin) => test.app.inject({ method: 'GET', url, headers });

  it('lists the trail newest first, filtered by record and by actor', async () => {
    const all = await get('/api/v1/audit/trail');
    assert.equal(all.statusCode, 200, all.body);
    assert.equal(all.headers['cache-control'], 'no-store');
    const entries = all.json().entries as { id: number; entityId: string; action: string }[];
    assert.ok(entries.length >= 3);
    assert.deepEqual(
      entries.map((entry) => entry.id),
      [...entries.map((entry) => entry.id)].sort((a, b) => b - a),
    );

    const one = (await get('/api/v1/audit/trail?entityType=probe_case&entityId=case-2')).json();
    assert.equal(one.entries.length, 1);
    assert.deepEqual(
      { ...one.entries[0], id: 0, at: '', hash: '' },
      {
        id: 0,
        at: '',
        hash: '',
        actorId: 'officer-7',
        ip: '192.0.2.1',
        action: 'probe.open-case',
        entityType: 'probe_case',
        entityId: 'case-2',
        before: null,
        after: { title: '사건 case-2' },
      },
    );
    assert.match(one.entries[0].at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const byActor = (await get('/api/v1/audit/trail?actorId=officer-7')).json();
    assert.deepEqual(
      byActor.entries.map((entry: { entityId: string }) => entry.entityId),
      ['case-3', 'case-2', 'case-1'],
    );
    assert.equal(byActor.nextBefore, null);
  });

  it('pages the trail by id', async () => {
    const first = (await get('/api/v1/audit/trail?actorId=officer-7&limit=2')).json();
    assert.deepEqual(
      first.entries.map((entry: { entityId: string }) => entry.entityId),
      ['case-3', 'case-2'],
    );
    assert.equal(first.nextBefore, first.entries[1].id);
    const second = (
      await get(`/api/v1/audit/trail?actorId=officer-7&limit=2&before=${first.nextBefore}`)
    ).json();
    assert.deepEqual(
      second.entries.map((entry: { entityId: string }) => entry.entityId),
      ['case-1'],
    );
    assert.equal(second.nextBefore, null);
  });

  it('lists confidential reads, filtered', async () => {
    const response = await get('/api/v1/audit/access-log?entityType=probe_complainant&entityId=c-1');
    assert.equal(response.statusCode, 200, response.body);
    const [entry, ...rest] = response.json().entries;
    assert.equal(rest.length, 0);
    assert.deepEqual(
      { ...entry, id: 0, at: '' },
      {
        id: 0,
        at: '',
        actorId: 'ombudsman-1',
        ip: '192.0.2.2',
        entityType: 'probe_complainant',
        entityId: 'c-1',
        reason: '조사 기록 검토',
      },
    );
    const byActor = (await get('/api/v1/audit/access-log?actorId=officer-7')).json();
    assert.deepEqual(
      byActor.entries.map((item: { entityId: string }) => item.entityId),
      ['w-9'],
    );
  });

  it('refuses a confidential read without a reason', async () => {
    await assert.rejects(
      runCommand(test.database.db, { userId: adminId }, ({ trx }) =>
        recordConfidentialRead(trx, {
          actorId: adminId,
          ip: null,
          entityType: 'x',
          entityId: '1',
          reason: '  ',
        }),
      ),
      /audit_access_log_reason/,
    );
  });

  it('reports the verification of the chain', async () => {
    const response = await get('/api/v1/audit/verify');
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.ok, true);
    const count = await sql<{ count: number }>`select count(*) as count from audit_trail`.execute(
      test.database.db,
    );
    assert.equal(body.rows, Number(count.rows[0]?.count));
    assert.match(body.lastHash, /^[0-9a-f]{64}$/);
  });

  it('answers bad paging with a 400 problem', async () => {
    for (const query of ['limit=0', 'limit=201', 'before=-1', 'before=abc', 'unknown=1']) {
      const response = await get(`/api/v1/audit/trail?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.equal(response.json().code, 'validation_failed');
    }
  });

  for (const role of roles.filter((role) => role !== 'admin')) {
    it(`refuses the ${role} role with 403`, async () => {
      const account = await createUser(test.database, { role });
      const { headers } = await signIn(test.app, account);
      for (const url of urls) {
        const response = await get(url, headers);
        assert.equal(response.statusCode, 403, `${role} ${url}`);
        assert.equal(response.json().code, 'forbidden');
      }
    });
  }

  it('refuses the public with 401', async () => {
    for (const url of urls) {
      const response = await get(url, {});
      assert.equal(response.statusCode, 401, url);
      assert.equal(response.json().code, 'unauthenticated');
    }
  });

  it('documents the routes under the audit tag', async () => {
    const document = (await get('/api/v1/openapi.json', {})).json();
    for (const url of urls) assert.deepEqual(document.paths[url].get.tags, ['audit'], url);
  });
});
