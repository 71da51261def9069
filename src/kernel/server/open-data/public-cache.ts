/**
 * Public reads (vocabularies, figures, open data) served from memory. A query to the embedded engine
 * per request is two orders of magnitude slower than the framework, and these answers change only
 * when staff write or the dataset is reloaded. So each app keeps the serialised answer, with an ETag
 * (hash of the body) for conditional requests and `Cache-Control: public, max-age=60`.
 *
 * Staleness is bounded two ways. A write to public data calls `publicDataChanged()`, which drops every
 * entry of this process. Entries also expire after the same 60 seconds that browsers and proxies are
 * allowed to keep the answer anyway, which covers what invalidation cannot see: a write by another app
 * server on the same PostgreSQL, or a reader that refilled an entry between a write and its commit.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

const maxAgeSeconds = 60;
// Keys can come from the URL (a figure section, a term code): cap the entries so that requests for
// many different keys cannot grow the process without bound. The oldest entry makes room.
const maxEntries = 2000;

// One counter for the process: invalidation must reach every app that may cache the changed data,
// and dropping another app's entries too costs one query each.
let generation = 0;

/** Call after (or while) changing data that a public read shows. */
export function publicDataChanged(): void {
  generation++;
}

interface Entry {
  body: string | Buffer;
  contentType: string;
  etag: string;
  generation: number;
  expires: number;
}

/** A serialised public answer. */
export interface PublicBody {
  /** Text, or the bytes of a binary file (a workbook). */
  body: string | Buffer;
  contentType: string;
}

export class PublicCache {
  readonly #entries = new Map<string, Entry>();

  /**
   * The answer stored under `key`, or `load()`'s (stored unless it is undefined, which means "not
   * found" and is not kept: only what exists takes memory).
   */
  async get(key: string, load: () => Promise<PublicBody>): Promise<Entry>;
  async get(key: string, load: () => Promise<PublicBody | undefined>): Promise<Entry | undefined>;
  async get(key: string, load: () => Promise<PublicBody | undefined>): Promise<Entry | undefined> {
    const now = Date.now();
    const cached = this.#entries.get(key);
    if (cached && cached.generation === generation && cached.expires > now) return cached;
    const startedAt = generation;
    const loaded = await load();
    if (loaded === undefined) return undefined;
    const etag = `"${createHash('sha256').update(loaded.body).digest('base64url').slice(0, 27)}"`;
    const entry = { ...loaded, etag, generation: startedAt, expires: now + maxAgeSeconds * 1000 };
    this.#entries.delete(key);
    if (this.#entries.size >= maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(key, entry);
    return entry;
  }
}

/** JSON checked against the route's response schema, as the serializer would (unknown keys dropped). */
export function jsonBody<S extends z.ZodType>(schema: S, value: z.input<S>): PublicBody {
  return { body: JSON.stringify(schema.parse(value)), contentType: 'application/json; charset=utf-8' };
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

/** Sends a cached answer, or 304 when the client already has it. */
export function sendPublic(request: FastifyRequest, reply: FastifyReply, entry: Entry): FastifyReply {
  reply.header('etag', entry.etag).header('cache-control', `public, max-age=${maxAgeSeconds}`);
  if (matches(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
  return reply.type(entry.contentType).send(entry.body);
}
