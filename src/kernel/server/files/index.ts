/**
 * Uploaded documents, for every module: `storeFile` checks the type by content and the size, encrypts
 * the bytes and records who sent it, inside the caller's transaction, so the file and the module's
 * link to it are written together or not at all. Modules keep the links and decide who may read;
 * `sendStoredFile` answers a download with headers that keep the browser from running or caching it.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Keyring } from '../crypto.ts';
import { AppError } from '../errors.ts';
import { messages } from './messages.ts';
import { acceptedFileTypes, sniffContentType } from './sniff.ts';

export { acceptedFileTypes, sniffContentType };

export const maxFileBytes = 10 * 1024 * 1024;

interface StoredFilesTable {
  id: string;
  module: string;
  name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  data_enc: string;
  created_by: string | null;
  created_at: Date;
}
type FilesDb = Kysely<{ stored_files: StoredFilesTable }>;
type AnyDb = Kysely<object> | Transaction<object>;
const filesDb = (db: AnyDb) => db as unknown as FilesDb;

export interface StoredFile {
  id: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}

/** The upload's query: the file's own name, kept for the download (the body is the bytes). */
export const fileNameQuery = z.strictObject({ name: z.string().trim().min(1).max(200) });

export const storedFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});

/** Lets this plugin scope take a file as the raw request body (a Buffer), up to `maxFileBytes`. */
export function acceptFileUploads(app: FastifyInstance): void {
  app.addContentTypeParser(
    [...acceptedFileTypes, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: maxFileBytes },
    (_request, body, done) => done(null, body),
  );
}

function refused(code: 'file_type_refused' | 'file_too_large', status: number): AppError {
  const params = { megabytes: maxFileBytes / 1024 / 1024 };
  const fill = (text: string) => text.replace('{megabytes}', String(params.megabytes));
  const message = messages[code] ?? { ko: code, en: code };
  return new AppError(code, status, {
    params,
    errors: [{ field: 'file', code, message: { ko: fill(message.ko), en: fill(message.en) } }],
  });
}

/**
 * Keeps an uploaded file: `body` is what the route received (anything but a Buffer, such as a JSON
 * body, is no file). Control characters and path separators leave the name, which is shown and
 * offered as the download's name, never used as a path.
 */
export async function storeFile(
  trx: Transaction<object>,
  keys: Keyring,
  input: { module: string; name: string; body: unknown; createdBy: string | null },
): Promise<StoredFile> {
  if (!Buffer.isBuffer(input.body)) throw refused('file_type_refused', 415);
  const bytes = input.body;
  if (bytes.length === 0 || bytes.length > maxFileBytes) throw refused('file_too_large', 413);
  const contentType = sniffContentType(bytes);
  if (!contentType) throw refused('file_type_refused', 415);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const name = input.name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(0, 200) || 'file';
  const row = {
    id: randomUUID(),
    module: input.module,
    name,
    content_type: contentType,
    size_bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    data_enc: keys.encryptField(bytes.toString('base64')),
    created_by: input.createdBy,
    created_at: new Date(),
  };
  await filesDb(trx).insertInto('stored_files').values(row).execute();
  return describe(row);
}

function describe(row: Omit<StoredFilesTable, 'data_enc' | 'module' | 'created_by'>): StoredFile {
  return {
    id: row.id,
    name: row.name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The files' descriptions (no bytes), in the order of `ids`. */
const describedColumns = ['id', 'name', 'content_type', 'size_bytes', 'sha256', 'created_at'] as const;

export async function describeFiles(db: AnyDb, ids: readonly string[]): Promise<StoredFile[]> {
  if (ids.length === 0) return [];
  const rows = await filesDb(db)
    .selectFrom('stored_files')
    .select(describedColumns)
    .where('id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, describe(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function readStoredFile(
  db: AnyDb,
  keys: Keyring,
  id: string,
): Promise<{ file: StoredFile; bytes: Buffer } | undefined> {
  const row = await filesDb(db)
    .selectFrom('stored_files')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return { file: describe(row), bytes: Buffer.from(keys.decryptField(row.data_enc), 'base64') };
}

/** Deletes a file with its bytes; answers what it was (for the module's audit), or undefined if none. */
export async function deleteStoredFile(
  trx: Transaction<object>,
  id: string,
): Promise<StoredFile | undefined> {
  const row = await filesDb(trx)
    .deleteFrom('stored_files')
    .where('id', '=', id)
    .returning(describedColumns)
    .executeTakeFirst();
  return row ? describe(row) : undefined;
}

/**
 * A download: always an attachment of the sniffed type with `nosniff`, so an uploaded file never runs
 * as a page of this site; not kept by shared caches, since most files are not public.
 */
export function sendStoredFile(reply: FastifyReply, file: StoredFile, bytes: Buffer): FastifyReply {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(bytes);
}
