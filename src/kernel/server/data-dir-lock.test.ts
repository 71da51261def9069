import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError } from './config.ts';
import { DataDirBusyError, lockDataDir, secureDataDir } from './data-dir-lock.ts';

describe('data directory lock', () => {
  it('refuses a second holder and frees on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rightscity-lock-'));
    const release = lockDataDir(dir, 'server');
    assert.throws(() => lockDataDir(dir, 'migrate'), DataDirBusyError);
    release();
    assert.equal(existsSync(join(dir, 'rightscity.lock')), false);
    lockDataDir(dir, 'migrate')();
  });

  it('takes over a lock left by a process that died', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rightscity-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim();
    writeFileSync(
      join(dir, 'rightscity.lock'),
      JSON.stringify({ pid: Number(dead), purpose: 'server', since: '' }),
    );
    lockDataDir(dir, 'server')();
  });

  it('makes a CLI command refuse a data directory that another process holds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rightscity-lock-'));
    const release = lockDataDir(dir, 'server');
    const result = spawnSync(process.execPath, ['bin/rightscity.mjs', 'migrate'], {
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    release();
    assert.equal(result.status, 2);
    assert.match(result.stderr, /in use by another process/);
    assert.equal(existsSync(join(dir, 'pglite')), false, 'the database was not opened');
  });

  const modeOf = (path: string) => statSync(path).mode & 0o777;

  it('makes an existing 0755 DATA_DIR 0700 and its key file 0600', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rightscity-modes-'));
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'secret.key'), 'not read here');
    chmodSync(join(dir, 'secret.key'), 0o644);
    // With DATABASE_URL the directory is not created, but one that exists (the key file's) is fixed.
    secureDataDir(dir, { create: false });
    assert.equal(modeOf(dir), 0o700);
    assert.equal(modeOf(join(dir, 'secret.key')), 0o600);
  });

  it('creates a missing DATA_DIR as 0700', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rightscity-modes-')), 'data');
    secureDataDir(dir, { create: true });
    assert.equal(modeOf(dir), 0o700);
  });

  it('refuses to start with a clear message when the modes cannot be set', () => {
    // /proc/1 cannot be chmod-ed even by root: a directory the server may not fix.
    assert.throws(
      () => secureDataDir('/proc/1', { create: false }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /DATA_DIR: \/proc\/1 must be accessible to its owner only/.test(error.message),
    );
  });

  it('makes a CLI command fix the modes of the directory it opens', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rightscity-modes-'));
    chmodSync(dir, 0o755);
    const result = spawnSync(process.execPath, ['bin/rightscity.mjs', 'audit', 'verify'], {
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', RIGHTSCITY_SECRET: '' },
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(modeOf(dir), 0o700);
  });
});
