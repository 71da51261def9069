/**
 * Password hashing: argon2id at OWASP's minimum (19 MiB, two passes, one lane). Hashing happens
 * before a command opens its transaction, so the embedded database's one session is not held while
 * the CPU works.
 */
import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { z } from 'zod';

const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Long enough to resist guessing, short enough that nobody hashes a megabyte. */
export const newPasswordSchema = z.string().min(12).max(1024);

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, options);
}

let dummyHash: Promise<string> | undefined;

/** Computes the throw-away hash ahead of the first login, so that the first unknown email is not slower. */
export function prepareDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64'));
  return dummyHash;
}

/**
 * Checks `password` against `hash`; with no hash (unknown email), checks it against a throw-away hash
 * so that the answer takes as long as for a real account and timing does not tell which emails exist.
 */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  const target = hash ?? (await prepareDummyHash());
  const matches = await argon2.verify(target, password);
  return hash !== undefined && matches;
}

/** A strong password for generated accounts (the first admin, tests): 24 characters, ~143 bits. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
