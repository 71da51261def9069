// A complaint's files have a total cap besides the per-file one: ten files of 10 MB would otherwise be
// 100 MB per complaint, from anyone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import { sampleComplaint } from '../test/factories.ts';
import { maxAttachmentBytes, maxAttachmentTotalBytes } from './commands/add-attachment.ts';

describe("a complaint's attachments", () => {
  let test: TestApp;
  before(async () => {
    test = await createTestApp();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
  });
  after(async () => {
    await test?.close();
  });

  it('refuses a file that would take the complaint past the total cap, and keeps nothing of it', async () => {
    const filed = await test.app.inject({
      method: 'POST',
      url: '/api/v1/ombudsman/complaints',
      payload: sampleComplaint,
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const receipt = filed.json() as { receiptNumber: string; trackingCode: string };
    const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size - 9, 0x20)]);
    const attach = (bytes: Buffer, language = 'en') =>
      test.app.inject({
        method: 'POST',
        url: `/api/v1/ombudsman/complaints/${receipt.receiptNumber}/attachments`,
        headers: {
          'content-type': 'application/octet-stream',
          'x-tracking-code': receipt.trackingCode,
          'accept-language': language,
        },
        payload: bytes,
      });
    const large = maxAttachmentBytes - 1024 * 1024;
    assert.ok(large * 2 < maxAttachmentTotalBytes && large * 3 > maxAttachmentTotalBytes);
    assert.equal((await attach(pdf(large))).statusCode, 201);
    assert.equal((await attach(pdf(large))).statusCode, 201);
    const refused = await attach(pdf(large));
    assert.equal(refused.statusCode, 413, refused.body);
    assert.equal(refused.json().code, 'ombudsman_attachment_total');
    assert.match(refused.json().title, /add up to at most 25 MB/);
    assert.match((await attach(pdf(large), 'ko')).json().title, /모두 합쳐 25MB까지/);
    const stored = await sql<{ n: number }>`
      select count(*)::int as n from ombudsman_attachments a join ombudsman_cases c on c.id = a.case_id
      where c.receipt_number = ${receipt.receiptNumber}`.execute(test.database.db);
    assert.equal(stored.rows[0]?.n, 2);
    // A small file still fits under the cap.
    assert.equal((await attach(pdf(1024))).statusCode, 201);
  });
});
