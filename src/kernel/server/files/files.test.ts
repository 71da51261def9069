import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { modules } from '../../../server/modules.ts';
import { requireUser } from '../access.ts';
import { createUser, signIn } from '../accounts/testing.ts';
import { runCommand } from '../command.ts';
import { keyring } from '../crypto.ts';
import { AppError, notFound } from '../errors.ts';
import type { Kernel, ServerModule } from '../module.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import {
  acceptFileUploads,
  deleteStoredFile,
  describeFiles,
  fileNameQuery,
  maxFileBytes,
  readStoredFile,
  sendStoredFile,
  storedFileSchema,
  storeFile,
} from './index.ts';

/** A module that keeps files the way real modules do: stored, then refused after the store if asked. */
const fixture: ServerModule = {
  name: 'filesfixture',
  routes(scope: FastifyInstance, kernel: Kernel) {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const keys = keyring(kernel.config);
    acceptFileUploads(scope);
    app.post(
      '/files-fixture',
      {
        config: { access: 'authenticated' },
        bodyLimit: maxFileBytes,
        schema: {
          querystring: fileNameQuery.extend({ fail: z.literal('after').optional() }),
          response: { 201: storedFileSchema },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const file = await runCommand(kernel.database.db, { userId: user.id }, async ({ trx }) => {
          const stored = await storeFile(trx, keys, {
            module: 'filesfixture',
            name: request.query.name,
            body: request.body,
            createdBy: user.id,
          });
          // A rule of the module failing after the store: the file must go with the transaction.
          if (request.query.fail) throw new AppError('conflict', 409);
          return stored;
        });
        return reply.status(201).send(file);
      },
    );
    app.get(
      '/files-fixture/:id',
      { config: { access: 'authenticated' }, schema: { params: z.strictObject({ id: z.uuid() }) } },
      async (request, reply) => {
        const found = await readStoredFile(kernel.database.db, keys, request.params.id);
        if (!found) throw notFound();
        return sendStoredFile(reply, found.file, found.bytes);
      },
    );
  },
};

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x41)]);

describe('stored files', () => {
  let test: TestApp;
  let headers: Record<string, string>;
  const upload = (body: Buffer | string, type: string, query: string) =>
    test.app.inject({
      method: 'POST',
      url: `/api/v1/files-fixture?${query}`,
      headers: { ...headers, 'content-type': type, 'accept-language': 'en' },
      payload: body,
    });
  const countFiles = async () => {
    const { rows } = await sql<{ n: string }>`select count(*) as n from stored_files`.execute(
      test.database.db,
    );
    return Number(rows[0]?.n);
  };

  before(async () => {
    test = await createTestApp({ modules: [...modules, fixture] });
    const officer = await createUser(test.database, { role: 'officer' });
    headers = (await signIn(test.app, officer)).headers;
  });
  after(() => test.close());

  it('keeps a file encrypted and gives it back with safe download headers and its own name', async () => {
    const name = '회의 자료 "1".pdf';
    const response = await upload(pdf, 'application/octet-stream', `name=${encodeURIComponent(name)}`);
    assert.equal(response.statusCode, 201, response.body);
    const stored = response.json();
    assert.equal(stored.contentType, 'application/pdf');
    assert.equal(stored.sizeBytes, pdf.length);
    assert.equal(stored.name, name);
    const { rows } = await sql<{
      data_enc: string;
    }>`select data_enc from stored_files where id = ${stored.id}`.execute(test.database.db);
    assert.ok(!rows[0]?.data_enc.includes(pdf.subarray(0, 8).toString('base64')), 'stored in plain base64');
    const download = await test.app.inject({
      method: 'GET',
      url: `/api/v1/files-fixture/${stored.id}`,
      headers,
    });
    assert.equal(download.statusCode, 200);
    assert.deepEqual(download.rawPayload, pdf);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.match(String(download.headers['cache-control']), /no-store/);
    assert.match(
      String(download.headers['content-disposition']),
      /^attachment; filename="[ -~]+"; filename\*=UTF-8''/,
    );
    assert.ok(String(download.headers['content-disposition']).includes(encodeURIComponent(name)));
    assert.deepEqual(await describeFiles(test.database.db, [stored.id]), [stored]);
  });

  it('refuses a file by its content, whatever it is called or declared, with a field error and nothing stored', async () => {
    const before = await countFiles();
    const html = await upload('<html><script>alert(1)</script></html>', 'application/pdf', 'name=evil.pdf');
    assert.equal(html.statusCode, 415);
    assert.equal(html.json().code, 'file_type_refused');
    assert.deepEqual(
      html.json().errors.map((error: { field: string }) => error.field),
      ['file'],
    );
    assert.match(html.json().errors[0].message, /PDF, PNG, JPEG and WebP/);
    const empty = await upload(Buffer.alloc(0), 'application/pdf', 'name=empty.pdf');
    assert.ok([400, 413, 415].includes(empty.statusCode), empty.body);
    const json = await test.app.inject({
      method: 'POST',
      url: '/api/v1/files-fixture?name=a.pdf',
      headers,
      payload: { file: 'x' },
    });
    assert.equal(json.statusCode, 415);
    const tooLarge = await upload(
      Buffer.concat([pdf, Buffer.alloc(maxFileBytes)]),
      'application/pdf',
      'name=big.pdf',
    );
    assert.equal(tooLarge.statusCode, 413);
    const unnamed = await upload(pdf, 'application/pdf', 'name=');
    assert.equal(unnamed.statusCode, 400);
    assert.equal(await countFiles(), before);
  });

  it('goes with the transaction when the module refuses after storing', async () => {
    const before = await countFiles();
    const response = await upload(pdf, 'application/pdf', 'name=a.pdf&fail=after');
    assert.equal(response.statusCode, 409);
    assert.equal(await countFiles(), before);
  });

  it('cleans a name of path separators and control characters, and deletes', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const response = await upload(png, 'image/png', `name=${encodeURIComponent('../../etc/pa\u0007ss.png')}`);
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().name, '.._.._etc_pa_ss.png');
    const deleted = await runCommand(test.database.db, { userId: null }, ({ trx }) =>
      deleteStoredFile(trx, response.json().id),
    );
    assert.deepEqual(deleted, response.json(), 'it answers what it deleted');
    assert.equal(await readStoredFile(test.database.db, keyring(test.config), response.json().id), undefined);
    const again = await runCommand(test.database.db, { userId: null }, ({ trx }) =>
      deleteStoredFile(trx, response.json().id),
    );
    assert.equal(again, undefined, 'and nothing for a file that is gone');
  });
});
