/**
 * The vocabularies API: public reads (cached, with ETags) and staff writes of charter articles.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../shared/roles.ts';
import { callerOf } from '../command.ts';
import { notFound } from '../errors.ts';
import type { Kernel } from '../module.ts';
import { jsonBody, PublicCache, sendPublic } from '../open-data/public-cache.ts';
import { createRight } from './commands/create-right.ts';
import { deleteRight } from './commands/delete-right.ts';
import { updateRight } from './commands/update-right.ts';
import {
  createRightSchema,
  rightCodeSchema,
  termListSchema,
  termPageSchema,
  termSchema,
  updateRightSchema,
  type VocabularyId,
  vocabularyIds,
  vocabularyListSchema,
} from './contract.ts';
import { findTermPage, listTerms, listVocabularies } from './queries.ts';
import { presentTerm } from './tables.ts';

const rightEditors: readonly Role[] = ['admin', 'officer'];
const tags = ['vocabularies'];

function isVocabulary(value: string): value is VocabularyId {
  return (vocabularyIds as readonly string[]).includes(value);
}

export function vocabularyRoutes(scope: FastifyInstance, { database }: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const cache = new PublicCache();

  app.get(
    '/vocabularies',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The shared vocabularies, with their names and term counts',
        response: { 200: vocabularyListSchema },
      },
    },
    async (request, reply) => {
      const entry = await cache.get('list', async () =>
        jsonBody(vocabularyListSchema, { vocabularies: await listVocabularies(db) }),
      );
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/vocabularies/:vocabulary',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "A vocabulary's terms, in order (departments carry their parent's code)",
        params: z.object({ vocabulary: z.string() }),
        response: { 200: termListSchema },
      },
    },
    async (request, reply) => {
      const { vocabulary } = request.params;
      if (!isVocabulary(vocabulary)) throw notFound();
      const entry = await cache.get(`terms/${vocabulary}`, async () =>
        jsonBody(termListSchema, await listTerms(db, vocabulary)),
      );
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/vocabularies/:vocabulary/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A term and every public record tagged with it, grouped by module',
        params: z.object({ vocabulary: z.string(), code: z.string() }),
        response: { 200: termPageSchema },
      },
    },
    async (request, reply) => {
      const { vocabulary, code } = request.params;
      if (!isVocabulary(vocabulary)) throw notFound();
      const entry = await cache.get(`term/${vocabulary}/${code}`, async () => {
        const page = await findTermPage(db, vocabulary, code);
        return page && jsonBody(termPageSchema, page);
      });
      if (!entry) throw notFound();
      return sendPublic(request, reply, entry);
    },
  );

  app.post(
    '/vocabularies/rights',
    {
      config: { access: { roles: rightEditors } },
      schema: {
        tags,
        summary: 'Enter an article of the human rights charter',
        body: createRightSchema,
        response: { 201: termSchema },
      },
    },
    async (request, reply) => {
      const row = await createRight(db, callerOf(request).actor, request.body);
      return reply.code(201).send(presentTerm(row));
    },
  );

  const rightParams = z.object({ code: rightCodeSchema });

  app.patch(
    '/vocabularies/rights/:code',
    {
      config: { access: { roles: rightEditors } },
      schema: {
        tags,
        summary: 'Edit an article of the charter (send the version you read; 409 if it changed meanwhile)',
        params: rightParams,
        body: updateRightSchema,
        response: { 200: termSchema },
      },
    },
    async (request) => {
      const row = await updateRight(db, callerOf(request).actor, request.params.code, request.body);
      return presentTerm(row);
    },
  );

  app.delete(
    '/vocabularies/rights/:code',
    {
      config: { access: { roles: rightEditors } },
      schema: {
        tags,
        summary: 'Delete an article of the charter (409 term_in_use while records are tagged with it)',
        params: rightParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteRight(db, callerOf(request).actor, request.params.code);
      return reply.code(204).send(null);
    },
  );
}
