/**
 * The forum's API. Public: the overview (editions and Table 5), an edition with its figures,
 * organisations and programme, registration for an edition, and the UN register. The office: editions
 * and their programme, the registrant list (the only answer that carries names and e-mails), and the
 * links from UN documents to the records that answer them.
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
  documentIdSchema,
  editionCreateSchema,
  editionDetailSchema,
  editionUpdateSchema,
  editionYearSchema,
  overviewSchema,
  registrationInputSchema,
  registrationListSchema,
  registrationReceiptSchema,
  sessionInputSchema,
  sessionSchema,
  sessionUpdateSchema,
  unLinkInputSchema,
  unLinkSchema,
  unRegisterSchema,
  uuidSchema,
} from '../contract.ts';
import { createEdition, updateEdition } from './commands/editions.ts';
import { listRegistrations, registerForEdition } from './commands/registrations.ts';
import { createSession, updateSession } from './commands/sessions.ts';
import { addUnLink, removeUnLink } from './commands/un-links.ts';
import { editionDetail, overview, unRegister } from './queries.ts';

const tags = ['forum'];
const office: Access = { roles: ['admin', 'officer'] };
const yearParams = z.strictObject({ year: editionYearSchema });
const idParams = z.strictObject({ id: uuidSchema });

export function forumRoutes(scope: FastifyInstance, kernel: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel.database;
  const keys = keyring(kernel.config);
  const cache = new PublicCache();

  app.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.config.access !== 'public' || request.method !== 'GET') {
      reply.header('cache-control', 'no-store');
    }
  });

  app.get(
    '/forum',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The World Human Rights Cities Forum: every edition, and Table 5 with its note',
        response: { 200: overviewSchema },
      },
    },
    async (request, reply) => {
      const entry = await cache.get('overview', async () => jsonBody(overviewSchema, await overview(db)));
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/forum/editions/:year',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One edition: dates, theme, figures, organisations, programme and places left',
        params: yearParams,
        response: { 200: editionDetailSchema },
      },
    },
    async (request, reply) => {
      const { year } = request.params;
      const entry = await cache.get(`edition:${year}`, async () =>
        jsonBody(editionDetailSchema, await editionDetail(db, year)),
      );
      return sendPublic(request, reply, entry);
    },
  );

  app.post(
    '/forum/editions/:year/registrations',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Register for an edition (name and e-mail, with consent); refused when full or closed',
        params: yearParams,
        body: registrationInputSchema,
        response: { 201: registrationReceiptSchema },
      },
    },
    async (request, reply) => {
      const { actor } = callerOf(request, { public: true });
      const receipt = await registerForEdition(db, keys, actor, request.params.year, request.body);
      return reply.code(201).send(receipt);
    },
  );

  app.get(
    '/forum/un',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The UN documents relevant to the city, the records that answer them, and the projects',
        response: { 200: unRegisterSchema },
      },
    },
    async (request, reply) => {
      const entry = await cache.get('un', async () => jsonBody(unRegisterSchema, await unRegister(db)));
      return sendPublic(request, reply, entry);
    },
  );

  app.post(
    '/forum/editions',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Open a new edition (dates, theme, capacity, registration)',
        body: editionCreateSchema,
        response: { 201: editionDetailSchema },
      },
    },
    async (request, reply) => {
      await createEdition(db, callerOf(request).actor, request.body);
      return reply.code(201).send(await editionDetail(db, request.body.year));
    },
  );

  app.put(
    '/forum/editions/:year',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "Edit an edition's dates, theme, capacity and registration (with the version read)",
        params: yearParams,
        body: editionUpdateSchema,
        response: { 200: editionDetailSchema },
      },
    },
    async (request) => {
      await updateEdition(db, callerOf(request).actor, request.params.year, request.body);
      return editionDetail(db, request.params.year);
    },
  );

  app.get(
    '/forum/editions/:year/registrations',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "An edition's registrants, with names and e-mails (each read is access-logged)",
        params: yearParams,
        response: { 200: registrationListSchema },
      },
    },
    async (request) => {
      const actor = callerOf(request).actor;
      const { year } = request.params;
      return { year, registrations: await listRegistrations(db, keys, actor, year) };
    },
  );

  app.post(
    '/forum/editions/:year/sessions',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "Add a session to an edition's programme",
        params: yearParams,
        body: sessionInputSchema,
        response: { 201: sessionSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createSession(db, callerOf(request).actor, request.params.year, request.body)),
  );

  app.put(
    '/forum/sessions/:id',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Edit a session (with the version read)',
        params: idParams,
        body: sessionUpdateSchema,
        response: { 200: sessionSchema },
      },
    },
    async (request) => updateSession(db, callerOf(request).actor, request.params.id, request.body),
  );

  app.post(
    '/forum/un/documents/:id/links',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Link a UN document to a platform record that answers it',
        params: z.strictObject({ id: documentIdSchema }),
        body: unLinkInputSchema,
        response: { 201: unLinkSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addUnLink(db, callerOf(request).actor, request.params.id, request.body)),
  );

  app.delete(
    '/forum/un/links/:id',
    {
      config: { access: office },
      schema: { tags, summary: 'Remove a link from a UN document', params: idParams },
    },
    async (request, reply) => {
      await removeUnLink(db, callerOf(request).actor, request.params.id);
      return reply.code(204).send();
    },
  );
}
