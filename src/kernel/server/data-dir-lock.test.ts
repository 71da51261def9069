import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DataDirBusyError, lockDataDir } from './data-dir-lock.ts';

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
});
