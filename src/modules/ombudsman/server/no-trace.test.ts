/**
 * A complaint filed with a unique name, phone and email leaves no trace of them in the embedded
 * database's raw files, the server's log (at debug level) or a backup file: they exist only as
 * ciphertext. Whole processes, as in production: the server, then the backup and retention commands.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { spawnServer } from '../../../server/test-support/spawn-server.ts';
import { sampleComplaint } from '../test/factories.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('no plaintext identity at rest', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rightscity-ombudsman-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const unique = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const identity = {
    name: `추적불가이름${unique}`,
    phone: `010-${unique.slice(-8, -4)}-${unique.slice(-4)}`,
    email: `nobody.${unique}@example.org`,
  };
  // The embedded engine's files are what this test reads, whatever engine the suite runs on.
  const env = { DATA_DIR: dataDir, DATABASE_URL: '', RIGHTSCITY_SECRET: '', LOG_LEVEL: 'debug' };

  const assertAbsent = (where: string, bytes: Buffer) => {
    for (const value of Object.values(identity)) {
      assert.equal(bytes.indexOf(Buffer.from(value, 'utf8')), -1, `${value} found in ${where}`);
    }
  };

  it('files a complaint, then finds the identity nowhere on disk, in the log or in a backup', async () => {
    const server = await spawnServer(env);
    let output = '';
    let trackingCode = '';
    try {
      const response = await fetch(`${server.url}/api/v1/ombudsman/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...sampleComplaint, complainant: identity }),
      });
      assert.equal(response.status, 201, await response.clone().text());
      const receipt = (await response.json()) as { receiptNumber: string; trackingCode: string };
      trackingCode = receipt.trackingCode;
      const status = await fetch(
        `${server.url}/api/v1/ombudsman/complaints/status?receiptNumber=${receipt.receiptNumber}&trackingCode=${receipt.trackingCode}`,
      );
      assert.equal(status.status, 200);
    } finally {
      // Stopped first, so that every line the server wrote has reached us.
      await server.stop();
      output = server.output();
    }
    assert.match(output, /incoming request/, 'the debug log was captured');
    assertAbsent('the server output', Buffer.from(output, 'utf8'));
    // The status check's query string carries the tracking code: the log keeps the path alone.
    assert.match(output, /complaints\/status/);
    assert.ok(!output.includes(trackingCode), 'the tracking code is not in the server output');
    const files = filesUnder(dataDir);
    assert.ok(files.some((file) => file.includes('pglite')));
    for (const file of files) assertAbsent(file, readFileSync(file));
    // The scan can see plaintext: the (non-identifying) summary is there in clear.
    const summary = Buffer.from(sampleComplaint.summary, 'utf8');
    assert.ok(
      files.some((file) => readFileSync(file).includes(summary)),
      'the scan reads the stored rows',
    );

    const backupFile = join(dataDir, 'backup.gz');
    const backup = spawnSync(process.execPath, ['bin/rightscity.mjs', 'backup', backupFile], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    assert.equal(backup.status, 0, backup.stderr);
    const contents = gunzipSync(readFileSync(backupFile));
    assert.ok(contents.includes(Buffer.from('ombudsman_cases')), 'the backup holds the cases table');
    assertAbsent('the backup', contents);

    const retention = spawnSync(process.execPath, ['bin/rightscity.mjs', 'ombudsman', 'retention'], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    assert.equal(retention.status, 0, retention.stderr);
    assert.match(retention.stdout, /Pseudonymised 0 closed case/);
  });
});
