/**
 * Keys for confidential fields and signed values. One master key per deployment: from
 * `RIGHTSCITY_SECRET` when set (required when several app servers share one PostgreSQL, since each
 * must decrypt what another wrote), otherwise from a 0600 key file `secret.key` in DATA_DIR, created on
 * first use. Each use gets its own subkey (HKDF), so a signature key can never decrypt a field.
 *
 * A field is stored as `v1.<base64url(iv | tag | ciphertext)>` (AES-256-GCM): the version prefix lets
 * a later scheme or key rotation read the old rows it still finds. A changed byte fails to decrypt
 * instead of yielding garbage.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';

export interface Keyring {
  encryptField(plaintext: string): string;
  /** Throws when the value was not written by this key (or was altered). */
  decryptField(ciphertext: string): string;
  /** HMAC-SHA256 of `data` under a key of its own for `purpose`, base64url. */
  sign(purpose: string, data: string): string;
  verify(purpose: string, data: string, signature: string): boolean;
}

export class KeyError extends Error {}

const fieldVersion = 'v1';
const ivBytes = 12;
const tagBytes = 16;

function readOrCreateKeyFile(dataDir: string): Buffer {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, 'secret.key');
  try {
    const fd = openSync(path, 'wx', 0o600);
    writeSync(fd, randomBytes(32).toString('base64'));
    closeSync(fd);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // A key readable by others is a key that has leaked: refuse rather than keep encrypting with it.
  if ((statSync(path).mode & 0o077) !== 0) {
    throw new KeyError(`${path} must be readable by its owner only (chmod 600 ${path}).`);
  }
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new KeyError(`${path} does not hold a 32-byte key.`);
  return key;
}

const masterKeys = new Map<string, Buffer>();

function masterKey(config: Pick<Config, 'RIGHTSCITY_SECRET' | 'dataDir'>): Buffer {
  const source = config.RIGHTSCITY_SECRET ? `secret:${config.RIGHTSCITY_SECRET}` : `file:${config.dataDir}`;
  let key = masterKeys.get(source);
  if (!key) {
    key = config.RIGHTSCITY_SECRET
      ? Buffer.from(config.RIGHTSCITY_SECRET, 'utf8')
      : readOrCreateKeyFile(config.dataDir);
    masterKeys.set(source, key);
  }
  return key;
}

function subkey(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, 'rightscity', info, 32));
}

/** The keyring of this deployment; the key file is read (or created) on first use, not before. */
export function keyring(config: Pick<Config, 'RIGHTSCITY_SECRET' | 'dataDir'>): Keyring {
  const fieldKey = () => subkey(masterKey(config), `field-encryption ${fieldVersion}`);
  const signature = (purpose: string, data: string) =>
    createHmac('sha256', subkey(masterKey(config), `signature ${purpose}`))
      .update(data)
      .digest();
  return {
    encryptField(plaintext) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', fieldKey(), iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${fieldVersion}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    decryptField(ciphertext) {
      const [version, payload] = ciphertext.split('.', 2);
      if (version !== fieldVersion || payload === undefined) {
        throw new KeyError(`Unknown encrypted field format ${JSON.stringify(version)}.`);
      }
      const bytes = Buffer.from(payload, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', fieldKey(), bytes.subarray(0, ivBytes));
      decipher.setAuthTag(bytes.subarray(ivBytes, ivBytes + tagBytes));
      try {
        return Buffer.concat([
          decipher.update(bytes.subarray(ivBytes + tagBytes)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new KeyError('An encrypted field could not be decrypted with this key.');
      }
    },
    sign(purpose, data) {
      return signature(purpose, data).toString('base64url');
    },
    verify(purpose, data, presented) {
      const expected = signature(purpose, data);
      const given = Buffer.from(presented, 'base64url');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
