/**
 * The SDG module's API. Public: the local agenda (Tables 6 and 7), the goals and what the city does
 * towards each, the Agenda 2030 framework and published self-assessments, this instance's network
 * feed and the comparison with its peers. The office (admin, officer): self-assessments in draft,
 * the evidence search, and the peer cities.
 *
 * Public answers are cached with ETags and dropped by every write that changes public data.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access } from '../../../kernel/server/access.ts';
import { callerOf } from '../../../kernel/server/command.ts';
import { notFound } from '../../../kernel/server/errors.ts';
import type { Kernel } from '../../../kernel/server/module.ts';
import { jsonBody, PublicCache, sendPublic } from '../../../kernel/server/open-data/public-cache.ts';
import {
  addPeerSchema,
  agendasSchema,
  assessmentListSchema,
  assessmentSchema,
  comparisonSchema,
  createAssessmentSchema,
  evidenceSearchQuerySchema,
  evidenceSearchSchema,
  frameworkSchema,
  goalNumberSchema,
  goalPageSchema,
  goalsOverviewSchema,
  networkFeedSchema,
  peerListSchema,
  publishAssessmentSchema,
  updateCellSchema,
  yearSchema,
} from '../contract.ts';
import { addPeer } from './commands/add-peer.ts';
import { createAssessment } from './commands/create-assessment.ts';
import { FeedRefused } from './commands/fetch-feed.ts';
import { publishAssessment } from './commands/publish-assessment.ts';
import { refreshPeer } from './commands/refresh-peer.ts';
import { removePeer } from './commands/remove-peer.ts';
import { updateAssessmentCell } from './commands/update-assessment-cell.ts';
import { buildFeed } from './feed.ts';
import { listPeers, loadComparison } from './network.ts';
import {
  goalPage,
  goalsOverview,
  listAssessments,
  loadAgendas,
  loadAssessment,
  loadFramework,
  searchEvidence,
} from './queries.ts';

const tags = ['sdg'];
const networkTags = ['network'];
const office: Access = { roles: ['admin', 'officer'] };
const yearParams = z.strictObject({ year: yearSchema });
const cellParams = z.strictObject({
  year: yearSchema,
  category: z.string().max(64),
  component: z.string().max(64),
});
const peerParams = z.strictObject({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const noContent = { 204: z.null() };

export function sdgRoutes(scope: FastifyInstance, kernel: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel.database;
  const cache = new PublicCache();
  const limits = () => ({
    timeoutMs: kernel.config.NETWORK_FETCH_TIMEOUT_MS,
    maxBytes: kernel.config.NETWORK_FEED_MAX_BYTES,
    allowPrivate: kernel.config.NETWORK_ALLOW_PRIVATE,
    dnsServers: kernel.config.NETWORK_DNS_SERVERS,
  });
  /** The caller gets one problem for every failure; what failed goes to the log. */
  const logRefusal = (request: FastifyRequest) => (error: unknown) => {
    if (error instanceof FeedRefused) request.log.warn({ failure: error.failure }, 'peer feed refused');
    throw error;
  };
  const isAdmin = (request: FastifyRequest) => request.user?.role === 'admin';
  const draft = async (year: number) => {
    const assessment = await loadAssessment(db, year, { publishedOnly: false });
    if (!assessment) throw notFound();
    return assessment;
  };
  const feed = () => buildFeed(db, kernel.modules, kernel.config.RIGHTSCITY_CITY);

  app.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.config.access !== 'public') reply.header('cache-control', 'no-store');
  });

  app.get(
    '/sdg/agendas',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The local agenda by phase: Agenda 21 I–IV (Table 6) and the 5th Agenda 2017–2021 (Table 7)',
        response: { 200: agendasSchema },
      },
    },
    async (request, reply) =>
      sendPublic(
        request,
        reply,
        await cache.get('agendas', async () => jsonBody(agendasSchema, await loadAgendas(db))),
      ),
  );

  app.get(
    '/sdg/goals',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The 17 UN goals, each with its local agendas and the public records tagged with it or its targets',
        response: { 200: goalsOverviewSchema },
      },
    },
    async (request, reply) =>
      sendPublic(
        request,
        reply,
        await cache.get('goals', async () => jsonBody(goalsOverviewSchema, await goalsOverview(db))),
      ),
  );

  app.get(
    '/sdg/goals/:goal',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'What the city does towards one goal: its local agendas, and every public record of any module tagged with the goal or one of its targets',
        params: z.strictObject({ goal: goalNumberSchema }),
        response: { 200: goalPageSchema },
      },
    },
    async (request, reply) => {
      const { goal } = request.params;
      const entry = await cache.get(`goal:${goal}`, async () => {
        const page = await goalPage(db, goal);
        return page && jsonBody(goalPageSchema, page);
      });
      if (!entry) throw notFound();
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/sdg/agenda-2030',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The Human Rights Cities Agenda 2030 framework (7 categories × 4 components) and the published self-assessments',
        response: { 200: frameworkSchema },
      },
    },
    async (request, reply) =>
      sendPublic(
        request,
        reply,
        await cache.get('framework', async () => jsonBody(frameworkSchema, await loadFramework(db))),
      ),
  );

  app.get(
    '/sdg/agenda-2030/assessments/:year',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "A published self-assessment: each cell's rating, narrative and evidence links",
        params: yearParams,
        response: { 200: assessmentSchema },
      },
    },
    async (request, reply) => {
      const { year } = request.params;
      const entry = await cache.get(`assessment:${year}`, async () => {
        const assessment = await loadAssessment(db, year, { publishedOnly: true });
        return assessment && jsonBody(assessmentSchema, assessment);
      });
      if (!entry) throw notFound();
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/sdg/assessments',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Every self-assessment, drafts included',
        response: { 200: assessmentListSchema },
      },
    },
    async () => listAssessments(db),
  );

  app.post(
    '/sdg/assessments',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "Open a year's self-assessment as a draft, with every cell empty",
        body: createAssessmentSchema,
        response: { 201: assessmentSchema },
      },
    },
    async (request, reply) => {
      await createAssessment(db, callerOf(request).actor, request.body.year);
      return reply.code(201).send(await draft(request.body.year));
    },
  );

  app.get(
    '/sdg/assessments/:year',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'A self-assessment, draft or published, with the versions its edits need',
        params: yearParams,
        response: { 200: assessmentSchema },
      },
    },
    async (request) => draft(request.params.year),
  );

  app.put(
    '/sdg/assessments/:year',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Publish a self-assessment (public and in the network feed), or withdraw it to edit it',
        params: yearParams,
        body: publishAssessmentSchema,
        response: { 200: assessmentSchema },
      },
    },
    async (request) => {
      const { year } = request.params;
      await publishAssessment(db, callerOf(request).actor, year, request.body);
      return draft(year);
    },
  );

  app.put(
    '/sdg/assessments/:year/cells/:category/:component',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Fill one cell of a draft self-assessment: rating, narrative and the records that support it',
        params: cellParams,
        body: updateCellSchema,
        response: { 200: assessmentSchema },
      },
    },
    async (request) => {
      const { year } = request.params;
      await updateAssessmentCell(db, callerOf(request).actor, request.params, request.body);
      return draft(year);
    },
  );

  app.get(
    '/sdg/evidence',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Public records of the platform whose title matches, to cite as evidence in a self-assessment',
        querystring: evidenceSearchQuerySchema,
        response: { 200: evidenceSearchSchema },
      },
    },
    async (request) => ({ results: await searchEvidence(db, kernel.modules, request.query.q) }),
  );

  app.get(
    '/network/feed',
    {
      config: { access: 'public' },
      schema: {
        tags: networkTags,
        summary:
          "This city's network feed (format rightscity-network-feed, version 1): its latest published self-assessment and headline figures",
        response: { 200: networkFeedSchema },
      },
    },
    async (request, reply) =>
      sendPublic(
        request,
        reply,
        await cache.get('feed', async () => jsonBody(networkFeedSchema, await feed())),
      ),
  );

  app.get(
    '/network/comparison',
    {
      config: { access: 'public' },
      schema: {
        tags: networkTags,
        summary: "This city's feed beside the last good feed of every peer city",
        response: { 200: comparisonSchema },
      },
    },
    async (request, reply) =>
      sendPublic(
        request,
        reply,
        await cache.get('comparison', async () =>
          jsonBody(comparisonSchema, await loadComparison(db, await feed())),
        ),
      ),
  );

  app.get(
    '/network/peers',
    {
      config: { access: office },
      schema: {
        tags: networkTags,
        summary: 'The peer cities and when their feed was last fetched',
        response: { 200: peerListSchema },
      },
    },
    async (request) => ({ peers: await listPeers(db, { failures: isAdmin(request) }) }),
  );

  app.post(
    '/network/peers',
    {
      config: { access: office },
      schema: {
        tags: networkTags,
        summary:
          "Add a peer city by its platform's base URL; its feed is fetched and checked (time, size, schema) and stored only if it passes",
        body: addPeerSchema,
        response: { 201: peerListSchema },
      },
    },
    async (request, reply) => {
      await addPeer(db, callerOf(request).actor, request.body, limits()).catch(logRefusal(request));
      return reply.code(201).send({ peers: await listPeers(db, { failures: isAdmin(request) }) });
    },
  );

  app.post(
    '/network/peers/:id/refresh',
    {
      config: { access: office },
      schema: {
        tags: networkTags,
        summary: "Fetch a peer city's feed again; a refused feed leaves the last good one in place",
        params: peerParams,
        response: { 200: peerListSchema },
      },
    },
    async (request) => {
      await refreshPeer(db, callerOf(request).actor, request.params.id, limits()).catch(logRefusal(request));
      return { peers: await listPeers(db, { failures: isAdmin(request) }) };
    },
  );

  app.delete(
    '/network/peers/:id',
    {
      config: { access: office },
      schema: {
        tags: networkTags,
        summary: 'Remove a peer city and its stored feed',
        params: peerParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await removePeer(db, callerOf(request).actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
