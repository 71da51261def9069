// Uploads are refused while the data directory's file system is short of UPLOAD_MIN_FREE_MB, before
// the body is read or anything is looked up; JSON writes still pass.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../testing.ts';
import { freeBytes } from './free-space.ts';

describe('free space for uploads', () => {
  let short: TestApp;
  let roomy: TestApp;
  const upload = (test: TestApp, language: string) =>
    test.app.inject({
      method: 'POST',
      url: '/api/v1/ombudsman/complaints/NO-SUCH-RECEIPT/attachments',
      headers: {
        'content-type': 'application/octet-stream',
        'x-tracking-code': 'nothing',
        'accept-language': language,
      },
      payload: Buffer.from('%PDF-1.4\n'),
    });

  before(async () => {
    const free = await freeBytes('/nonexistent-test-data-dir/below');
    assert.ok(free > 0, 'the nearest existing folder is measured');
    // A floor above what the disk has free: every upload must be refused.
    const above = String(Math.ceil(free / 1024 / 1024) + 1024 * 1024);
    [short, roomy] = await Promise.all([
      createTestApp({ env: { UPLOAD_MIN_FREE_MB: above } }),
      createTestApp({ env: { UPLOAD_MIN_FREE_MB: '1' } }),
    ]);
  });
  after(async () => {
    await Promise.all([short?.close(), roomy?.close()]);
  });

  it('refuses a file with a bilingual 507 when the disk is short, whatever else is wrong with it', async () => {
    const en = await upload(short, 'en');
    assert.equal(en.statusCode, 507, en.body);
    assert.equal(en.json().code, 'insufficient_storage');
    assert.match(en.json().title, /low on storage/);
    const ko = await upload(short, 'ko');
    assert.match(ko.json().title, /저장 공간이 부족/);
    // With room the same request goes on to the route's own checks.
    assert.notEqual((await upload(roomy, 'en')).statusCode, 507);
  });

  it('lets JSON writes through, so the platform keeps working while someone makes room', async () => {
    const response = await short.app.inject({
      method: 'POST',
      url: '/api/v1/ombudsman/complaints',
      payload: {},
    });
    assert.equal(response.statusCode, 400, response.body);
  });
});
