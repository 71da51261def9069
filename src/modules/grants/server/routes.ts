/**
 * The grants API. Public: the overview (programmes, Table 4, published calls, awards), one call, and
 * the awards in the 360Giving layout. Organisations: their profile, their applications (drafts,
 * attachments, submission, reports). The office: calls, review (declarations, scores), selection,
 * award, tranches, and the 360Giving identifier prefix (administrators).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access, SessionUser } from '../../../kernel/server/access.ts';
import { type Actor, callerOf } from '../../../kernel/server/command.ts';
import { keyring } from '../../../kernel/server/crypto.ts';
import type { Kernel } from '../../../kernel/server/module.ts';
import { toCsv } from '../../../kernel/server/open-data/csv.ts';
import { jsonBody, PublicCache, sendPublic } from '../../../kernel/server/open-data/public-cache.ts';
import {
  applicationCreateSchema,
  applicationListQuerySchema,
  applicationListSchema,
  applicationSchema,
  applicationUpdateSchema,
  attachmentSchema,
  awardInputSchema,
  callInputSchema,
  callListSchema,
  callSchema,
  callUpdateSchema,
  decisionInputSchema,
  declarationInputSchema,
  organisationAnswerSchema,
  organisationInputSchema,
  organisationSchema,
  overviewSchema,
  reportInputSchema,
  scoresInputSchema,
  settingsInputSchema,
  settingsSchema,
  trancheInputSchema,
  tranchePaidSchema,
  versionInputSchema,
} from '../contract.ts';
import { addAttachment, maxAttachmentBytes, readAttachment } from './commands/add-attachment.ts';
import { awardGrant, decideApplication } from './commands/decide-application.ts';
import { fileReport } from './commands/file-report.ts';
import { addTranche, markTranchePaid } from './commands/record-tranche.ts';
import { declareInterest, scoreApplication } from './commands/review-application.ts';
import { createApplication, updateApplication } from './commands/save-application.ts';
import { createCall, updateCall } from './commands/save-call.ts';
import { readOrganisation, saveOrganisation } from './commands/save-organisation.ts';
import { readSettings, updateSettings } from './commands/settings.ts';
import { submitApplication } from './commands/submit-application.ts';
import { giving360Columns, giving360Rows, overview } from './public-data.ts';
import { listApplications, listCalls, readApplication, readCall } from './queries.ts';
import { grantsDb } from './tables.ts';

const tags = ['grants'];
const office: Access = { roles: ['admin', 'officer'] };
const organisations: Access = { roles: ['organisation'] };
const applicationReaders: Access = { roles: ['admin', 'officer', 'organisation'] };
const admins: Access = { roles: ['admin'] };
const idParams = z.strictObject({ id: z.uuid() });
const attachmentTypes = [
  'application/octet-stream',
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
];
const created = z.object({ id: z.string() });

export function grantsRoutes(scope: FastifyInstance, kernel: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel.database;
  const keys = keyring(kernel.config);
  const cache = new PublicCache();

  /** A change to one application, answered with the application as the caller now sees it. */
  const applicationStep = <Body extends z.ZodType>(
    method: 'POST' | 'PUT',
    url: string,
    access: Access,
    summary: string,
    body: Body,
    run: (user: SessionUser, actor: Actor, id: string, input: z.infer<Body>) => Promise<unknown>,
  ) =>
    app.route({
      method,
      url,
      config: { access },
      schema: { tags, summary, params: idParams, body, response: { 200: applicationSchema } },
      handler: async (request) => {
        const { user, actor } = callerOf(request);
        await run(user, actor, request.params.id, request.body as z.infer<Body>);
        return readApplication(grantsDb(db), user, request.params.id);
      },
    });
  // Attachments arrive as the raw body; only this module's scope accepts these types.
  app.addContentTypeParser(
    attachmentTypes,
    { parseAs: 'buffer', bodyLimit: maxAttachmentBytes },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/grants',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The programmes, Table 4 (neighbourhood participation), published calls and awarded grants',
        response: { 200: overviewSchema },
      },
    },
    async (request, reply) => {
      const entry = await cache.get('overview', async () => jsonBody(overviewSchema, await overview(db)));
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/grants/360giving.csv',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Awarded grants in the 360Giving layout (CSV, UTF-8 with a byte-order mark)',
      },
    },
    async (request, reply) => {
      const entry = await cache.get('360giving', async () => ({
        body: toCsv(giving360Columns, await giving360Rows(db)),
        contentType: 'text/csv; charset=utf-8',
      }));
      reply.header('content-disposition', 'attachment; filename="grants-360giving.csv"');
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/grants/calls',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Funding calls: the published ones, or every call for the office',
        response: { 200: callListSchema },
      },
    },
    async (request) => {
      const user = request.user;
      const all = user !== null && (user.role === 'admin' || user.role === 'officer');
      return { calls: await listCalls(grantsDb(db), { publishedOnly: !all }) };
    },
  );

  app.post(
    '/grants/calls',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Create a funding call with its eligibility rules and scoring rubric',
        body: callInputSchema,
        response: { 201: callSchema },
      },
    },
    async (request, reply) => {
      const { actor } = callerOf(request);
      return reply.code(201).send(await createCall(db, actor, request.body));
    },
  );

  app.get(
    '/grants/calls/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One call (an unpublished one only for the office)',
        params: idParams,
        response: { 200: callSchema },
      },
    },
    async (request) => readCall(grantsDb(db), request.user, request.params.id),
  );

  app.put(
    '/grants/calls/:id',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Change a call (optimistic concurrency: send the version you read)',
        params: idParams,
        body: callUpdateSchema,
        response: { 200: callSchema },
      },
    },
    async (request) => updateCall(db, callerOf(request).actor, request.params.id, request.body),
  );

  app.get(
    '/grants/organisation',
    {
      config: { access: organisations },
      schema: {
        tags,
        summary: 'The signed-in organisation’s profile (null until filled in)',
        response: { 200: organisationAnswerSchema },
      },
    },
    async (request) => ({ organisation: await readOrganisation(grantsDb(db), callerOf(request).user.id) }),
  );

  app.put(
    '/grants/organisation',
    {
      config: { access: organisations },
      schema: {
        tags,
        summary: 'Fill in or change the organisation’s profile (version 0 the first time)',
        body: organisationInputSchema,
        response: { 200: organisationSchema },
      },
    },
    async (request) => {
      const { user, actor } = callerOf(request);
      return saveOrganisation(db, { ...actor, userId: user.id }, request.body);
    },
  );

  app.get(
    '/grants/applications',
    {
      config: { access: applicationReaders },
      schema: {
        tags,
        summary: 'Applications: an organisation’s own, or every submitted one for the office',
        querystring: applicationListQuerySchema,
        response: { 200: applicationListSchema },
      },
    },
    async (request) => ({
      applications: await listApplications(grantsDb(db), callerOf(request).user, request.query.callId),
    }),
  );

  app.post(
    '/grants/applications',
    {
      config: { access: organisations },
      schema: {
        tags,
        summary: 'Start an application (a draft) for an open call',
        body: applicationCreateSchema,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const { user, actor } = callerOf(request);
      return reply.code(201).send(await createApplication(db, user, actor, request.body));
    },
  );

  app.get(
    '/grants/applications/:id',
    {
      config: { access: applicationReaders },
      schema: {
        tags,
        summary: 'One application (its organisation, or the office once submitted)',
        params: idParams,
        response: { 200: applicationSchema },
      },
    },
    async (request) => readApplication(grantsDb(db), callerOf(request).user, request.params.id),
  );

  applicationStep(
    'PUT',
    '/grants/applications/:id',
    organisations,
    'Save a draft application (optimistic concurrency: send the version you read)',
    applicationUpdateSchema,
    (user, actor, id, input) => updateApplication(db, user, actor, id, input),
  );
  applicationStep(
    'POST',
    '/grants/applications/:id/submit',
    organisations,
    'Submit a draft; the call’s eligibility rules are checked (422 lists every rule broken)',
    versionInputSchema,
    (user, actor, id, input) => submitApplication(db, user, actor, id, input.version),
  );
  applicationStep(
    'PUT',
    '/grants/applications/:id/declaration',
    office,
    'Declare whether the reviewer has a conflict of interest with this application',
    declarationInputSchema,
    (user, actor, id, input) => declareInterest(db, user, actor, id, input.hasConflict),
  );
  applicationStep(
    'PUT',
    '/grants/applications/:id/scores',
    office,
    'Score an application against the call’s rubric (0–5 per criterion; 403 with a conflict)',
    scoresInputSchema,
    (user, actor, id, input) => scoreApplication(db, user, actor, id, input.scores),
  );
  applicationStep(
    'POST',
    '/grants/applications/:id/decision',
    office,
    'Select or reject a submitted application',
    decisionInputSchema,
    (user, actor, id, input) => decideApplication(db, user, actor, id, input),
  );
  applicationStep(
    'POST',
    '/grants/applications/:id/award',
    office,
    'Award a selected application an amount (never beyond the call’s budget)',
    awardInputSchema,
    (user, actor, id, input) => awardGrant(db, user, actor, id, input),
  );

  app.post(
    '/grants/applications/:id/attachments',
    {
      bodyLimit: maxAttachmentBytes,
      config: { access: organisations },
      schema: {
        tags,
        summary: 'Attach a file (PDF, PNG, JPEG, WebP; 10 MB) to a draft; the type is read from its bytes',
        description: 'The file is the request body.',
        params: idParams,
        response: { 201: attachmentSchema },
      },
    },
    async (request, reply) => {
      const { user, actor } = callerOf(request);
      return reply
        .code(201)
        .send(await addAttachment(db, keys, user, actor, request.params.id, request.body));
    },
  );

  app.get(
    '/grants/applications/:id/attachments/:attachmentId',
    {
      config: { access: applicationReaders },
      schema: {
        tags,
        summary: 'Download an attachment (logged as a confidential read)',
        params: z.strictObject({ id: z.uuid(), attachmentId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const { user } = callerOf(request);
      const file = await readAttachment(
        db,
        keys,
        user,
        request.ip,
        request.params.id,
        request.params.attachmentId,
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', 'attachment')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );

  app.post(
    '/grants/applications/:id/tranches',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Plan a payment tranche of an award',
        params: idParams,
        body: trancheInputSchema,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const { user, actor } = callerOf(request);
      return reply.code(201).send(await addTranche(db, user, actor, request.params.id, request.body));
    },
  );

  app.put(
    '/grants/applications/:id/tranches/:trancheId/payment',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Record that a tranche was paid, and when',
        params: z.strictObject({ id: z.uuid(), trancheId: z.uuid() }),
        body: tranchePaidSchema,
      },
    },
    async (request, reply) => {
      const { user, actor } = callerOf(request);
      await markTranchePaid(
        db,
        user,
        actor,
        request.params.id,
        request.params.trancheId,
        request.body.paidOn,
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/grants/applications/:id/reports',
    {
      config: { access: organisations },
      schema: {
        tags,
        summary: 'File an activity report, or the final report (which completes the grant)',
        params: idParams,
        body: reportInputSchema,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const { user, actor } = callerOf(request);
      return reply.code(201).send(await fileReport(db, user, actor, request.params.id, request.body));
    },
  );

  app.get(
    '/grants/settings',
    {
      config: { access: admins },
      schema: { tags, summary: 'The 360Giving identifier prefix', response: { 200: settingsSchema } },
    },
    async () => readSettings(grantsDb(db)),
  );

  app.put(
    '/grants/settings',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Set the 360Giving identifier prefix (optimistic concurrency; version 0 the first time)',
        body: settingsInputSchema,
        response: { 200: settingsSchema },
      },
    },
    async (request) => updateSettings(db, callerOf(request).actor, request.body),
  );
}
