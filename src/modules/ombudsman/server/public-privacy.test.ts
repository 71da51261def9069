/**
 * What a complainant leaves behind: an anonymous complaint keeps no address in the audit trail or the
 * request log, and the status lookup's lockout counts failures per receipt number as well as per
 * address, so a guesser behind the same address as the complainant does not lock the complainant out.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../../../kernel/server/app.ts';
import { createTestDatabase, type TestDatabase, testConfig } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import { sampleComplaint } from '../test/factories.ts';
import { statusLookupLimit } from './commands/check-status.ts';

const complainantAddress = '198.51.100.23';

describe('a complainant’s traces', () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  const logLines: string[] = [];

  const file = async (payload: Record<string, unknown>, remoteAddress = complainantAddress) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/ombudsman/complaints',
      payload,
      remoteAddress,
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as { receiptNumber: string; trackingCode: string };
  };
  const lookup = (receiptNumber: string, trackingCode: string, remoteAddress: string) =>
    app.inject({
      method: 'GET',
      url: `/api/v1/ombudsman/complaints/status?${new URLSearchParams({ receiptNumber, trackingCode })}`,
      remoteAddress,
    });

  before(async () => {
    test = await createTestDatabase(modules);
    // A real logger at info level, written to memory, to read what a request leaves in the log.
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    app = await buildApp({
      config: testConfig(),
      database: test.database,
      modules,
      logger: { level: 'info', stream },
    });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await test.close();
  });

  it('records an anonymous complaint and its attachment without the sender’s address', async () => {
    const { complainant: _left, ...anonymous } = sampleComplaint;
    const receipt = await file({ ...anonymous, anonymous: true });
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]);
    const uploaded = await app.inject({
      method: 'POST',
      url: `/api/v1/ombudsman/complaints/${receipt.receiptNumber}/attachments`,
      headers: { 'content-type': 'application/octet-stream', 'x-tracking-code': receipt.trackingCode },
      payload: png,
      remoteAddress: complainantAddress,
    });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    assert.equal(
      (await lookup(receipt.receiptNumber, receipt.trackingCode, complainantAddress)).statusCode,
      200,
    );

    const rows = (
      await sql<{ action: string; ip: string | null }>`
        select action, ip from audit_trail where action like 'ombudsman.%' order by id`.execute(
        test.database.db,
      )
    ).rows;
    assert.ok(rows.some((row) => row.action === 'ombudsman.file-complaint'));
    assert.deepEqual(
      rows.filter((row) => row.ip !== null),
      [],
      'no audit row of the complaint holds an address',
    );
    const logged = logLines.join('');
    assert.ok(logged.includes('/api/v1/ombudsman/complaints'), 'the requests were logged');
    assert.ok(!logged.includes(complainantAddress), 'the log holds no address of the complainant');
  });

  it('lets the right pair through from an address that failed on other receipts, within reason', async () => {
    const mine = await file(sampleComplaint, '192.0.2.50');
    const shared = '203.0.113.40';
    // A guesser behind the same address tries many other receipts.
    for (let attempt = 0; attempt < statusLookupLimit.perReceipt + 5; attempt++) {
      const response = await lookup(`2000-${String(attempt).padStart(6, '0')}`, 'AAAAA-AAAAA-AAAAA', shared);
      assert.equal(response.statusCode, 404);
    }
    assert.equal((await lookup(mine.receiptNumber, mine.trackingCode, shared)).statusCode, 200);

    // Far past what a person mistyping makes, the address waits for everything.
    for (let attempt = statusLookupLimit.perReceipt + 5; attempt < statusLookupLimit.perAddress; attempt++) {
      await lookup(`2001-${String(attempt).padStart(6, '0')}`, 'AAAAA-AAAAA-AAAAA', shared);
    }
    const refused = await lookup(mine.receiptNumber, mine.trackingCode, shared);
    assert.equal(refused.statusCode, 429);
    assert.ok(refused.headers['retry-after']);
    assert.equal((await lookup(mine.receiptNumber, mine.trackingCode, '192.0.2.51')).statusCode, 200);
  });

  it('protects a receipt number guessed from many addresses with its own limit', async () => {
    const attacked = await file(sampleComplaint, '192.0.2.60');
    for (let attempt = 0; attempt < statusLookupLimit.perReceipt; attempt++) {
      const response = await lookup(attacked.receiptNumber, 'AAAAA-AAAAA-AAAAA', `198.18.0.${attempt + 1}`);
      assert.equal(response.statusCode, 404);
    }
    const next = await lookup(attacked.receiptNumber, 'BBBBB-BBBBB-BBBBB', '198.18.1.1');
    assert.equal(next.statusCode, 429, 'a fresh address cannot go on guessing this receipt');
    const other = await file(sampleComplaint, '192.0.2.61');
    assert.equal(
      (await lookup(other.receiptNumber, other.trackingCode, '198.18.0.1')).statusCode,
      200,
      'the guessing addresses are not locked out of other receipts by it',
    );
  });
});
