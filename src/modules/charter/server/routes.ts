/**
 * The charter API. Public: the charter page (declaration, the seed's words and figures, the articles
 * as admins entered them, publications, contests with their winners once closed). The office:
 * publications, contests, entries (entrants' names, encrypted) and judging.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access } from '../../../kernel/server/access.ts';
import { callerOf } from '../../../kernel/server/command.ts';
import { keyring } from '../../../kernel/server/crypto.ts';
import type { Kernel } from '../../../kernel/server/module.ts';
import { jsonBody, PublicCache, sendPublic } from '../../../kernel/server/open-data/public-cache.ts';
import {
  charterPageSchema,
  contestDetailSchema,
  contestInputSchema,
  contestUpdateSchema,
  entryInputSchema,
  judgementSchema,
  publicationInputSchema,
  publicationSchema,
  publicationUpdateSchema,
  staffOverviewSchema,
} from '../contract.ts';
import { createContest, updateContest } from './commands/contests.ts';
import { addEntry, judgeEntry } from './commands/entries.ts';
import { createPublication, updatePublication } from './commands/save-publication.ts';
import { charterPage, contestDetail, listContests, listPublications } from './queries.ts';

const tags = ['charter'];
const office: Access = { roles: ['admin', 'officer'] };
const idParams = z.strictObject({ id: z.uuid() });
const codeParams = z.strictObject({ code: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/) });

export function charterRoutes(scope: FastifyInstance, kernel: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel.database;
  const keys = keyring(kernel.config);
  const cache = new PublicCache();

  app.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.config.access !== 'public') reply.header('cache-control', 'no-store');
  });

  app.get(
    '/charter',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The Gwangju Human Rights Charter: declaration, the seed’s words and figures, articles, publications, contests',
        response: { 200: charterPageSchema },
      },
    },
    async (request, reply) => {
      const entry = await cache.get('page', async () => jsonBody(charterPageSchema, await charterPage(db)));
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/charter/staff',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Contests and publications, for the office',
        response: { 200: staffOverviewSchema },
      },
    },
    async () => ({ contests: await listContests(db), publications: await listPublications(db) }),
  );

  app.post(
    '/charter/publications',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Add a charter publication',
        body: publicationInputSchema,
        response: { 201: z.array(publicationSchema) },
      },
    },
    async (request, reply) => {
      await createPublication(db, callerOf(request).actor, request.body);
      return reply.code(201).send(await listPublications(db));
    },
  );

  app.put(
    '/charter/publications/:code',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Edit a charter publication (send the version you read; 409 if it changed meanwhile)',
        params: codeParams,
        body: publicationUpdateSchema,
        response: { 200: z.array(publicationSchema) },
      },
    },
    async (request) => {
      await updatePublication(db, callerOf(request).actor, request.params.code, request.body);
      return listPublications(db);
    },
  );

  app.post(
    '/charter/contests',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "Open a year's Human Rights Promotion Contest",
        body: contestInputSchema,
        response: { 201: contestDetailSchema },
      },
    },
    async (request, reply) => {
      const id = await createContest(db, callerOf(request).actor, request.body);
      return reply.code(201).send(await contestDetail(db, keys, id));
    },
  );

  app.get(
    '/charter/contests/:id',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'A contest with every entry, entrants included',
        params: idParams,
        response: { 200: contestDetailSchema },
      },
    },
    async (request) => contestDetail(db, keys, request.params.id),
  );

  app.put(
    '/charter/contests/:id',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Edit a contest and move it on (open → judging → closed; 409 for another step or a stale version)',
        params: idParams,
        body: contestUpdateSchema,
        response: { 200: contestDetailSchema },
      },
    },
    async (request) => {
      await updateContest(db, callerOf(request).actor, request.params.id, request.body);
      return contestDetail(db, keys, request.params.id);
    },
  );

  app.post(
    '/charter/contests/:id/entries',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Add an entry to an open contest',
        params: idParams,
        body: entryInputSchema,
        response: { 201: contestDetailSchema },
      },
    },
    async (request, reply) => {
      await addEntry(db, keys, callerOf(request).actor, request.params.id, request.body);
      return reply.code(201).send(await contestDetail(db, keys, request.params.id));
    },
  );

  app.put(
    '/charter/entries/:id/judgement',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Judge an entry: score, award, exhibited (while the contest is judged; 409 on a stale version)',
        params: idParams,
        body: judgementSchema,
        response: { 200: contestDetailSchema },
      },
    },
    async (request) => {
      const contestId = await judgeEntry(db, callerOf(request).actor, request.params.id, request.body);
      return contestDetail(db, keys, contestId);
    },
  );
}
