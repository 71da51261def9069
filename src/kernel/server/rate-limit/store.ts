/**
 * A store for `@fastify/rate-limit` in the database, so that several app servers share the counts (an
 * in-process store would give each server its own allowance). Keys are hashed before they are stored;
 * a counter's window starts with its first hit and the row is reused after it expires. Expired rows
 * are swept now and then, so the table holds only the last hours.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Sweep expired rows on about one increment in this many. */
const sweepEvery = 200;

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export async function incrementCounter(
  db: Db,
  key: string,
  windowMs: number,
): Promise<{ current: number; ttl: number }> {
  const hashed = hashKey(key);
  const seconds = windowMs / 1000;
  const result = await sql<{ hits: number; ttl: number }>`
    insert into ratelimit_counters (key, hits, expires_at)
    values (${hashed}, 1, now() + make_interval(secs => ${seconds}::float8))
    on conflict (key) do update set
      hits = case when ratelimit_counters.expires_at <= now() then 1 else ratelimit_counters.hits + 1 end,
      expires_at = case when ratelimit_counters.expires_at <= now() then excluded.expires_at
                        else ratelimit_counters.expires_at end
    returning hits, (extract(epoch from expires_at - now()) * 1000)::float8 as ttl`.execute(db);
  const row = result.rows[0];
  if (Math.random() * sweepEvery < 1) await sweepExpired(db);
  return { current: Number(row?.hits ?? 1), ttl: Math.max(0, Math.ceil(Number(row?.ttl ?? windowMs))) };
}

export async function sweepExpired(db: Db): Promise<void> {
  await sql`delete from ratelimit_counters where expires_at <= now()`.execute(db);
}

/** The class `@fastify/rate-limit` instantiates (`store` option), bound to a database. */
export function databaseStore(db: Db) {
  return class DatabaseStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      incrementCounter(db, key, timeWindow).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }
    child(): DatabaseStore {
      return this;
    }
  };
}
