/**
 * The admin's view of the audit trail, the access log of confidential reads, and the chain check.
 * Admin only: the trail's before/after values and the access log name people, and which of those
 * entries an ombudsman may see is a per-record rule that belongs to the ombudsman module's policy.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { languages } from '../../shared/language.ts';
import type { Access } from '../access.ts';
import type { Kernel } from '../module.ts';
import { listAccessLog, listAuditTrail } from './queries.ts';
import { verifyAuditTrail } from './verify.ts';

const adminOnly: Access = { roles: ['admin'] };

const filterQuery = z.strictObject({
  entityType: z.string().min(1).max(200).optional(),
  entityId: z.string().min(1).max(200).optional(),
  actorId: z.string().min(1).max(200).optional(),
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Only entries with a smaller id: the nextBefore of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  lang: z.enum(languages).optional(),
});

const nextBefore = z.number().int().nullable().describe('The before of the next page; null on the last page');

const trailEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actorId: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});

const accessEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actorId: z.string(),
  ip: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  reason: z.string(),
});

const verification = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), rows: z.number().int(), lastHash: z.string() }),
  z.object({
    ok: z.literal(false),
    rows: z.number().int(),
    firstBrokenId: z.number().int(),
    reason: z.enum(['hash_mismatch', 'prev_hash_mismatch']),
  }),
]);

export function auditRoutes(scope: FastifyInstance, kernel: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel.database;

  // What these answers hold must not linger in a browser's or a proxy's cache.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/audit/trail',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['audit'],
        summary: 'Audit trail entries, newest first, filtered by record or actor',
        querystring: filterQuery,
        response: { 200: z.object({ entries: z.array(trailEntry), nextBefore }) },
      },
    },
    async (request) => listAuditTrail(db, request.query),
  );

  app.get(
    '/audit/access-log',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['audit'],
        summary: 'Reads of confidential records (who, when, why), newest first',
        querystring: filterQuery,
        response: { 200: z.object({ entries: z.array(accessEntry), nextBefore }) },
      },
    },
    async (request) => listAccessLog(db, request.query),
  );

  app.get(
    '/audit/verify',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['audit'],
        summary: "Recompute the audit trail's hash chain and report the first broken row",
        querystring: z.strictObject({ lang: z.enum(languages).optional() }),
        response: { 200: verification },
      },
    },
    async () => verifyAuditTrail(db),
  );
}
