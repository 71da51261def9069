/**
 * Traceability and statistics routes (issue 16, items 4 and 5): a recommendation's links to the
 * action-plan tasks and indicators (set by the office, or by an addressed department while it works
 * on it), its one timeline (public and staff), and the public statistics per source and department.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Access, requireUser } from '../../../kernel/server/access.ts';
import { callerOf } from '../../../kernel/server/command.ts';
import { notFound } from '../../../kernel/server/errors.ts';
import type { Kernel } from '../../../kernel/server/module.ts';
import { linksInputSchema, statisticsSchema, traceSchema } from '../contract.ts';
import { linkRecommendation } from './commands/link-recommendation.ts';
import { linkProviders } from './links.ts';
import { capacitiesOn, seesStaffRecord } from './policy.ts';
import { readRecommendation } from './queries.ts';
import { readStatistics } from './statistics.ts';
import { readTrace } from './trace.ts';

const tags = ['recommendations'];
const staff: Access = { roles: ['admin', 'officer', 'department'] };
const idParams = z.strictObject({ id: z.uuid() });
const langQuery = z.strictObject({ lang: z.enum(['ko', 'en']).optional() });

export function traceRoutes(scope: FastifyInstance, kernel: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel.database;
  const providers = linkProviders(kernel.modules);

  app.get(
    '/recommendations/statistics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Statistics of the public recommendations per source and per department: share accepted, share implemented, median days to answer (null where nothing was recorded)',
        querystring: langQuery,
        response: { 200: statisticsSchema },
      },
    },
    async () => readStatistics(db),
  );

  app.get(
    '/recommendations/:id/trace',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "A public recommendation's linked tasks and indicators and its timeline (public parts only; 404 when it is not public)",
        params: idParams,
        querystring: langQuery,
        response: { 200: traceSchema },
      },
    },
    async (request) => {
      const record = await readRecommendation(db, request.params.id, { publicOnly: true });
      if (!record) throw notFound();
      return readTrace(db, providers, record, { publicOnly: true });
    },
  );

  app.get(
    '/recommendations/staff/:id/trace',
    {
      config: { access: staff },
      schema: {
        tags,
        summary:
          "A recommendation's linked tasks and indicators and its whole timeline, for staff who see it (404 to a department it is not addressed to)",
        params: idParams,
        querystring: langQuery,
        response: { 200: traceSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const record = await readRecommendation(db, request.params.id, { publicOnly: false });
      if (!record) throw notFound();
      const capacities = capacitiesOn(
        user,
        record.departments.map((part) => part.code),
      );
      if (!seesStaffRecord(capacities)) throw notFound();
      return readTrace(db, providers, record, { publicOnly: false });
    },
  );

  app.put(
    '/recommendations/:id/links',
    {
      config: { access: staff },
      schema: {
        tags,
        summary:
          'Link a recommendation to the action-plan tasks that implement it and the indicators that measure it (the whole set; the office at any step, an addressed department once answered; send the version you read)',
        params: idParams,
        body: linksInputSchema,
        response: { 200: z.object({ version: z.number().int() }) },
      },
    },
    async (request) =>
      linkRecommendation(
        db,
        callerOf(request).actor,
        requireUser(request),
        providers,
        request.params.id,
        request.body,
      ),
  );
}
