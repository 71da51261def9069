/**
 * The register's API. Public: the tracker (every public recommendation, filterable and paginated) and
 * one recommendation with its timeline. Staff: the office records, edits and moves recommendations;
 * a department reads the ones addressed to it and answers its own part.
 */

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Access, requireUser } from '../../../kernel/server/access.ts';
import { callerOf } from '../../../kernel/server/command.ts';
import { notFound } from '../../../kernel/server/errors.ts';
import type { Kernel } from '../../../kernel/server/module.ts';
import {
  listQuerySchema,
  publishSummaryInputSchema,
  recommendationInputSchema,
  recommendationListSchema,
  recommendationSchema,
  recommendationUpdateSchema,
  type StaffRecommendation,
  staffRecommendationSchema,
  transitionInputSchema,
  transitionResultSchema,
} from '../contract.ts';
import { publishSummary } from './commands/publish-summary.ts';
import { createRecommendation, updateRecommendation } from './commands/save-recommendation.ts';
import { transitionRecommendation } from './commands/transition-recommendation.ts';
import { answersFor, capacitiesOn, seesStaffRecord } from './policy.ts';
import { listRecommendations, readRecommendation, type Scope } from './queries.ts';
import { recommendationsDb } from './tables.ts';
import { unRoutes } from './un-routes.ts';
import { allowedActions } from './workflow.ts';

const tags = ['recommendations'];
const office: Access = { roles: ['admin', 'officer'] };
const staff: Access = { roles: ['admin', 'officer', 'department', 'ombudsman'] };
const ombudsman: Access = { roles: ['ombudsman'] };
const idParams = z.strictObject({ id: z.uuid() });
const langQuery = z.strictObject({ lang: z.enum(['ko', 'en']).optional() });

export function recommendationsRoutes(scope: FastifyInstance, kernel: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel.database;
  app.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.config.access !== 'public') reply.header('cache-control', 'no-store');
  });
  unRoutes(scope, kernel);

  /** The staff view of one recommendation, or a 404 when the caller may not see it. */
  async function staffView(request: FastifyRequest, id: string): Promise<StaffRecommendation> {
    const user = requireUser(request);
    const record = await readRecommendation(db, id, { publicOnly: false });
    if (!record) throw notFound();
    const capacities = capacitiesOn(
      user,
      record.departments.map((part) => part.code),
      record.source.kind,
    );
    if (!seesStaffRecord(capacities)) throw notFound();
    const actions = allowedActions(record.status, capacities);
    const source = await recommendationsDb(db)
      .selectFrom('recommendations_records')
      .select([
        'source_module',
        'source_path',
        'public_summary_ko',
        'public_summary_en',
        'summary_published_at',
      ])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return {
      ...record,
      sourcePath: source.source_path,
      publicBySource: source.source_module !== null || source.summary_published_at !== null,
      publicSummary:
        source.public_summary_ko !== null && source.public_summary_en !== null
          ? { ko: source.public_summary_ko, en: source.public_summary_en }
          : null,
      canPublishSummary: capacities.has('ombudsman') && !record.historical,
      allowedActions: actions,
      answerableDepartments: actions.includes('answer')
        ? record.departments
            .filter((part) => part.answer === null && answersFor(user, capacities, part.code))
            .map((part) => part.code)
        : [],
    };
  }

  app.get(
    '/recommendations',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The public tracker: every public recommendation, filterable by source (including UN), UN mechanism, department, status and year; paginated',
        querystring: listQuerySchema,
        response: { 200: recommendationListSchema },
      },
    },
    async (request) => listRecommendations(db, { kind: 'public' }, request.query),
  );

  app.get(
    '/recommendations/staff',
    {
      config: { access: staff },
      schema: {
        tags,
        summary:
          "Recommendations for staff: every one for the office, those addressed to the department for a department, the ombudsman's for an ombudsman",
        querystring: listQuerySchema,
        response: { 200: recommendationListSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (user.role === 'department' && user.departmentCode === null) {
        // A department account without a department has nothing addressed to it.
        return { items: [], total: 0, limit: request.query.limit, offset: request.query.offset };
      }
      const scope: Scope =
        user.role === 'department' && user.departmentCode !== null
          ? { kind: 'department', code: user.departmentCode }
          : user.role === 'ombudsman'
            ? { kind: 'ombudsman' }
            : { kind: 'office' };
      return listRecommendations(db, scope, request.query);
    },
  );

  app.get(
    '/recommendations/staff/:id',
    {
      config: { access: staff },
      schema: {
        tags,
        summary:
          'One recommendation for staff, public or not, with the steps the caller may take (404 to a department it is not addressed to)',
        params: idParams,
        querystring: langQuery,
        response: { 200: staffRecommendationSchema },
      },
    },
    async (request) => staffView(request, request.params.id),
  );

  app.get(
    '/recommendations/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One public recommendation with its timeline (404 when it is not public)',
        params: idParams,
        querystring: langQuery,
        response: { 200: recommendationSchema },
      },
    },
    async (request) => {
      const record = await readRecommendation(db, request.params.id, { publicOnly: true });
      if (!record) throw notFound();
      return record;
    },
  );

  app.post(
    '/recommendations',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Record a recommendation, addressed to one or several departments',
        body: recommendationInputSchema,
        response: { 201: staffRecommendationSchema },
      },
    },
    async (request, reply) => {
      const id = await createRecommendation(db, callerOf(request).actor, request.body);
      return reply.code(201).send(await staffView(request, id));
    },
  );

  app.put(
    '/recommendations/:id',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Edit a recommendation (send the version you read; 409 if it changed meanwhile, or once implemented or closed)',
        params: idParams,
        body: recommendationUpdateSchema,
        response: { 200: staffRecommendationSchema },
      },
    },
    async (request) => {
      await updateRecommendation(db, callerOf(request).actor, request.params.id, request.body);
      return staffView(request, request.params.id);
    },
  );

  app.post(
    '/recommendations/:id/transitions',
    {
      config: { access: staff },
      schema: {
        tags,
        summary:
          'One step of the life: a department answers its part, implementation starts, progress, completion, closure (409 when not possible now)',
        params: idParams,
        body: transitionInputSchema,
        response: { 200: transitionResultSchema },
      },
    },
    async (request) =>
      transitionRecommendation(
        db,
        callerOf(request).actor,
        requireUser(request),
        request.params.id,
        request.body,
      ),
  );

  app.post(
    '/recommendations/:id/summary',
    {
      config: { access: ombudsman },
      schema: {
        tags,
        summary:
          "The ombudsman publishes an ombudsman's recommendation as an anonymised summary (the public read it instead of the text; 404 on any other recommendation)",
        params: idParams,
        body: publishSummaryInputSchema,
        response: { 200: z.object({ version: z.number().int() }) },
      },
    },
    async (request) =>
      publishSummary(db, callerOf(request).actor, requireUser(request), request.params.id, request.body),
  );
}
