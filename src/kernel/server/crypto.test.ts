import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { KeyError, keyring } from './crypto.ts';

describe('keyring', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'rightscity-crypto-'));
    dirs.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const fromSecret = (secret: string) => keyring({ RIGHTSCITY_SECRET: secret, dataDir: '/nonexistent' });

  it('encrypts a field with a version prefix and a fresh IV, and decrypts it', () => {
    const keys = fromSecret('a'.repeat(40));
    const first = keys.encryptField('민감한 정보');
    const second = keys.encryptField('민감한 정보');
    assert.match(first, /^v1\.[\w-]+$/);
    assert.notEqual(first, second);
    assert.ok(!first.includes('민감한'));
    assert.equal(keys.decryptField(first), '민감한 정보');
  });

  it('refuses an altered value, another key, and an unknown version', () => {
    const keys = fromSecret('a'.repeat(40));
    const sealed = keys.encryptField('secret');
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 1;
    assert.throws(() => keys.decryptField(`v1.${bytes.toString('base64url')}`), KeyError);
    assert.throws(() => fromSecret('b'.repeat(40)).decryptField(sealed), KeyError);
    assert.throws(() => keys.decryptField(`v9.${sealed.slice(3)}`), KeyError);
  });

  it('signs per purpose', () => {
    const keys = fromSecret('c'.repeat(40));
    const signature = keys.sign('device-cookie', 'data');
    assert.equal(keys.verify('device-cookie', 'data', signature), true);
    assert.equal(keys.verify('device-cookie', 'other', signature), false);
    assert.equal(keys.verify('another-purpose', 'data', signature), false);
    assert.equal(keys.verify('device-cookie', 'data', 'short'), false);
  });

  it('creates a 0600 key file in DATA_DIR on first use, from which the key is read back', () => {
    const dataDir = join(tempDir(), 'data');
    const sealed = keyring({ dataDir }).encryptField('kept');
    const path = join(dataDir, 'secret.key');
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(Buffer.from(readFileSync(path, 'utf8'), 'base64').length, 32);
    // Another process (here: another directory holding a copy of the file) reads the same key.
    const copy = tempDir();
    copyFileSync(path, join(copy, 'secret.key'));
    assert.equal(keyring({ dataDir: copy }).decryptField(sealed), 'kept');
  });

  it('refuses a key file that others can read', () => {
    const dataDir = tempDir();
    const path = join(dataDir, 'secret.key');
    writeFileSync(path, Buffer.alloc(32, 7).toString('base64'));
    chmodSync(path, 0o644);
    assert.throws(() => keyring({ dataDir }).encryptField('x'), /chmod 600/);
  });
});
