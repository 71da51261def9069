/**
 * The signed-in user's own notifications: the list (newest first, with the unread count the header
 * shows), marking read, and the preferences (delivery per kind, mail language). Every route acts on
 * the caller's own rows only; another user's notification is a 404 (`policy.ts`).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { languages } from '../../shared/language.ts';
import { deliveryChoices, notificationListSchema, notificationPreferencesSchema } from '../../shared/work.ts';
import { callerOf } from '../command.ts';
import type { Kernel } from '../module.ts';
import { markAllRead, markRead } from './commands/mark-read.ts';
import { savePreferences } from './commands/save-preferences.ts';
import { notificationKinds } from './kinds.ts';
import { listNotifications, readPreferences } from './queries.ts';

const tags = ['notifications'];
const signedIn = { access: 'authenticated' } as const;

export function notificationsRoutes(root: FastifyInstance, kernel: Kernel): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel.database;
  const kinds = notificationKinds(kernel.modules);

  app.get(
    '/notifications',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'The signed-in user’s notifications, newest first, with the unread count',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
          lang: z.enum(languages).optional(),
        }),
        response: { 200: notificationListSchema },
      },
    },
    (request) => listNotifications(db, callerOf(request).user.id, request.query),
  );

  app.post(
    '/notifications/read-all',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Mark every one of the signed-in user’s notifications read',
        response: { 200: z.object({ marked: z.number().int() }) },
      },
    },
    async (request) => ({ marked: await markAllRead(db, callerOf(request).user) }),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Mark one of the signed-in user’s notifications read (another user’s is a 404)',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await markRead(db, callerOf(request).user, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/notifications/preferences',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Every kind of notification with how it reaches the signed-in user, and their mail language',
        response: { 200: notificationPreferencesSchema },
      },
    },
    (request) => readPreferences(db, callerOf(request).user.id, kinds),
  );

  app.put(
    '/notifications/preferences',
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          'Set how each kind reaches the signed-in user (a kind left out returns to its default) and their mail language',
        body: z.strictObject({
          language: z.enum(languages),
          kinds: z
            .array(z.strictObject({ kind: z.string().min(1).max(100), choice: z.enum(deliveryChoices) }))
            .max(500),
        }),
        response: { 200: notificationPreferencesSchema },
      },
    },
    async (request) => {
      const { user, ip } = callerOf(request);
      await savePreferences(db, user, ip, kinds, request.body);
      return readPreferences(db, user.id, kinds);
    },
  );
}
