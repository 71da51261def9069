/**
 * The ombudsman API. Thin routes: each says who may call it (the role gate), validates with the
 * contract's schemas and calls a command; the per-case rules (standing, assigned, addressed
 * department) are in `policy.ts` and applied inside the commands.
 *
 * Staff answers are never cached (`no-store`); every read of a case file names its purpose, which
 * goes to the access log.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access } from '../../../kernel/server/access.ts';
import { recordConfidentialRead } from '../../../kernel/server/audit/access-log.ts';
import { callerOf, runCommand } from '../../../kernel/server/command.ts';
import { keyring } from '../../../kernel/server/crypto.ts';
import { AppError, forbidden, notFound } from '../../../kernel/server/errors.ts';
import { sendStoredFile } from '../../../kernel/server/files/index.ts';
import { declareFileRoutes } from '../../../kernel/server/files/routes.ts';
import type { Kernel } from '../../../kernel/server/module.ts';
import { jsonBody, PublicCache, sendPublic } from '../../../kernel/server/open-data/public-cache.ts';
import { termNames } from '../../../kernel/server/vocabularies/queries.ts';
import {
  accessLogSchema,
  annualStatisticsSchema,
  attachmentReceiptSchema,
  caseEditSchema,
  caseListSchema,
  caseReadQuerySchema,
  caseSchema,
  complaintInputSchema,
  complaintReceiptSchema,
  complaintStatusSchema,
  confirmAppointmentSchema,
  counsellingInputSchema,
  counsellingSchema,
  deadlineSettingsSchema,
  departmentInboxSchema,
  documentQuerySchema,
  endAppointmentSchema,
  evidenceFileSchema,
  grantsSchema,
  implementationReportInputSchema,
  memberInputSchema,
  memberSchema,
  overdueItemSchema,
  privacyFactsSchema,
  purposeQuerySchema,
  recommendationClosureInputSchema,
  recommendationSchema,
  searchQuerySchema,
  staffCaseInputSchema,
  statusQuerySchema,
  transitionInputSchema,
  withdrawAppointmentSchema,
  workloadSchema,
} from '../contract.ts';
import {
  addAttachment,
  cleanFileName,
  maxAttachmentBytes,
  readAttachment,
} from './commands/add-attachment.ts';
import { caseAccessLog } from './commands/case-access-log.ts';
import { checkStatus, statusLookupLimit } from './commands/check-status.ts';
import { readDeadlineSettings, updateDeadlineSettings } from './commands/deadline-settings.ts';
import { departmentInbox } from './commands/department-inbox.ts';
import { decisionDocument, documentCsp, recommendationDocument } from './commands/documents.ts';
import { editCase } from './commands/edit-case.ts';
import { fileCase } from './commands/file-complaint.ts';
import {
  attachReportFile,
  closeRecommendation,
  readReportFile,
  removeReportFile,
  reportImplementation,
} from './commands/follow-up.ts';
import { listOverdue, workload } from './commands/list-deadlines.ts';
import {
  confirmAppointment,
  endAppointment,
  listGrants,
  listMembers,
  setMember,
  withdrawAppointment,
} from './commands/members.ts';
import { caseEntityType, openCaseFile, presentCase, readCase } from './commands/read-case.ts';
import { listCounselling, recordCounselling } from './commands/record-counselling.ts';
import { searchCases } from './commands/search-cases.ts';
import { annualStatistics } from './commands/statistics.ts';
import { transitionCase } from './commands/transition-case.ts';
import { reviewsAccessLog } from './policy.ts';
import { loadCase, requireStanding } from './queries.ts';
import { ombudsmanDb, ombudsmanTrx } from './tables.ts';

const tags = ['ombudsman'];
const caseStaff: Access = { roles: ['officer', 'ombudsman'] };
const caseParticipants: Access = { roles: ['officer', 'ombudsman', 'department'] };
const officeManagers: Access = { roles: ['admin', 'officer'] };
const caseParams = z.strictObject({ id: z.uuid() });
const langQuery = z.strictObject({ lang: z.enum(['ko', 'en']).optional() });
/**
 * The request log of a complainant's own routes: method and path, no address. A complaint may be
 * anonymous, and an address next to its receipt number in a log would undo that; the status lookup's
 * lockout keeps what it needs in the database for its window only.
 */
const complainantLog = {
  req: (request: { method: string; url: string }) => ({
    method: request.method,
    url: request.url.split('?')[0],
  }),
};
const attachmentTypes = [
  'application/octet-stream',
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
];

export function ombudsmanRoutes(scope: FastifyInstance, kernel: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel.database;
  const keys = keyring(kernel.config);
  const om = ombudsmanDb(db);
  const cache = new PublicCache();

  app.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.config.access !== 'public') reply.header('cache-control', 'no-store');
  });
  // Attachments arrive as the raw body; only this module's scope accepts these types.
  app.addContentTypeParser(
    attachmentTypes,
    { parseAs: 'buffer', bodyLimit: maxAttachmentBytes },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/ombudsman/complaints',
    {
      config: { access: 'public' },
      logSerializers: complainantLog,
      schema: {
        tags,
        summary: 'File a complaint (public form); answers a receipt number and a tracking code',
        body: complaintInputSchema,
        response: { 201: complaintReceiptSchema },
      },
    },
    async (request, reply) => {
      const filed = await fileCase(
        db,
        keys,
        // No address: an anonymous complaint stays anonymous in the audit trail too.
        { userId: request.user?.id ?? null },
        request.body,
        {
          origin: 'complaint',
          channel: 'online',
        },
      );
      return reply
        .code(201)
        .send({ receiptNumber: filed.receiptNumber ?? '', trackingCode: filed.trackingCode ?? '' });
    },
  );

  app.get(
    '/ombudsman/privacy',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "What the complaint form's privacy notice states: how long records are kept",
        querystring: langQuery,
        response: { 200: privacyFactsSchema },
      },
    },
    async () => ({
      retentionYears: kernel.config.OMBUDSMAN_RETENTION_YEARS,
      lookupWindowMinutes: statusLookupLimit.windowMinutes,
    }),
  );

  app.get(
    '/ombudsman/complaints/status',
    {
      // Counted like a public write: each lookup is a guess at a tracking code.
      config: { access: 'public', writeLimit: {} },
      logSerializers: complainantLog,
      schema: {
        tags,
        summary: "A complaint's status and dates, with its receipt number and tracking code (rate-limited)",
        querystring: statusQuerySchema,
        response: { 200: complaintStatusSchema },
      },
    },
    async (request, reply) => {
      const status = await checkStatus(
        db,
        keys,
        request.ip,
        request.query.receiptNumber,
        request.query.trackingCode,
      );
      return reply.header('cache-control', 'no-store').send(status);
    },
  );

  app.post(
    '/ombudsman/complaints/:receiptNumber/attachments',
    {
      bodyLimit: maxAttachmentBytes,
      logSerializers: complainantLog,
      // The tracking code in the header is this route's authority, not a session: a cross-site page
      // cannot know it, so a signed-in person's cookie needs no CSRF token here.
      // Several files per complaint (the total has its own cap in the command).
      config: { access: 'public', csrfExempt: true, writeLimit: { factor: 3 } },
      schema: {
        tags,
        summary: 'Attach a file (PDF, PNG, JPEG, WebP; 10 MB) to a complaint within a day of filing',
        description:
          "The file is the request body; the tracking code goes in the x-tracking-code header, the file's name (percent-encoded UTF-8) in x-file-name.",
        params: z.strictObject({ receiptNumber: z.string().min(1).max(32) }),
        headers: z.object({
          'x-tracking-code': z.string().min(1).max(64),
          'x-file-name': z.string().max(1000).optional(),
        }),
        response: { 201: attachmentReceiptSchema },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('ombudsman_attachment_type', 415);
      const pair = {
        receiptNumber: request.params.receiptNumber,
        trackingCode: request.headers['x-tracking-code'],
      };
      const receipt = await addAttachment(
        db,
        keys,
        request.ip,
        pair,
        request.body,
        cleanFileName(request.headers['x-file-name']),
      );
      return reply.code(201).send(receipt);
    },
  );

  app.get(
    '/ombudsman/statistics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Anonymised annual statistics: counts of 1–4 from case records suppressed ("<5"), figures nobody recorded marked not recorded',
        querystring: langQuery,
        response: { 200: annualStatisticsSchema },
      },
    },
    async (request, reply) => {
      const entry = await cache.get('statistics', async () =>
        jsonBody(annualStatisticsSchema, await annualStatistics(db)),
      );
      return sendPublic(request, reply, entry);
    },
  );

  app.post(
    '/ombudsman/cases',
    {
      config: { access: caseStaff },
      schema: {
        tags,
        summary:
          'Register a case taken by staff (phone, visit, letter, on behalf) or open an own-motion investigation',
        body: staffCaseInputSchema,
        response: {
          201: z.object({
            id: z.string(),
            receiptNumber: z.string().nullable(),
            trackingCode: z.string().nullable(),
          }),
        },
      },
    },
    async (request, reply) => {
      const { user, actor } = callerOf(request);
      const ownMotion = request.body.origin === 'own_motion';
      // Own-motion investigations are the standing ombudsman's; intake is the office's or theirs.
      if (ownMotion || user.role === 'ombudsman') await requireStanding(om, user);
      const filed = await fileCase(db, keys, actor, request.body, {
        origin: request.body.origin,
        channel: ownMotion ? 'own_motion' : request.body.channel,
      });
      return reply
        .code(201)
        .send({ id: filed.caseId, receiptNumber: filed.receiptNumber, trackingCode: filed.trackingCode });
    },
  );

  app.get(
    '/ombudsman/cases',
    {
      config: { access: caseStaff },
      schema: {
        tags,
        summary: 'Search cases (Korean and English) with filters; summaries without identity',
        querystring: searchQuerySchema,
        response: { 200: caseListSchema },
      },
    },
    async (request) => searchCases(db, callerOf(request).user, request.query),
  );

  app.get(
    '/ombudsman/cases/:id',
    {
      config: { access: caseStaff },
      schema: {
        tags,
        summary:
          'Read a case file: an opening names its purpose and is logged once; reloads name the opening. Identity, the description and the attachments only for the standing and assigned ombudsmen',
        params: caseParams,
        querystring: caseReadQuerySchema,
        response: { 200: caseSchema },
      },
    },
    async (request) => {
      const { opening, purpose } = request.query;
      const read = opening !== undefined ? { opening } : { purpose };
      return readCase(db, keys, callerOf(request).user, request.ip, request.params.id, read);
    },
  );

  app.post(
    '/ombudsman/cases/:id/transitions',
    {
      config: { access: caseParticipants },
      schema: {
        tags,
        summary:
          'Take one step of the case workflow (409 when not allowed from the current state or on a stale version)',
        params: caseParams,
        body: transitionInputSchema,
        response: { 200: z.object({ status: caseSchema.shape.status, version: z.number().int() }) },
      },
    },
    async (request) =>
      transitionCase(db, callerOf(request).user, request.ip, request.params.id, request.body),
  );

  app.patch(
    '/ombudsman/cases/:id',
    {
      config: { access: { roles: ['ombudsman'] } },
      schema: {
        tags,
        summary:
          "Correct a case's particulars and classification (its standing or assigned ombudsmen; 409 on a stale version)",
        params: caseParams,
        body: caseEditSchema,
        response: {
          200: z.object({ version: z.number().int(), changed: z.array(z.string()) }),
        },
      },
    },
    async (request) => editCase(db, callerOf(request).user, request.ip, request.params.id, request.body),
  );

  app.get(
    '/ombudsman/cases/:id/access-log',
    {
      config: { access: { roles: ['ombudsman'] } },
      schema: {
        tags,
        summary: "Who read this case file, when and why (the standing ombudsman's review)",
        params: caseParams,
        querystring: langQuery,
        response: { 200: accessLogSchema },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const allowed = await runCommand(db, { userId: user.id }, async ({ trx }) =>
        reviewsAccessLog((await loadCase(ombudsmanTrx(trx), user, request.params.id)).capacities),
      );
      if (!allowed) throw forbidden();
      return caseAccessLog(db, request.params.id);
    },
  );

  app.get(
    '/ombudsman/cases/:id/attachments/:attachmentId',
    {
      config: { access: caseStaff },
      schema: {
        tags,
        summary:
          'Download a complaint attachment: only the standing and assigned ombudsmen (need to know), logged with its purpose',
        params: z.strictObject({ id: z.uuid(), attachmentId: z.uuid() }),
        querystring: purposeQuerySchema,
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
        request.query.purpose,
      );
      return sendStoredFile(
        reply,
        {
          id: request.params.attachmentId,
          name: file.name ?? 'attachment',
          contentType: file.contentType,
          sizeBytes: file.bytes.length,
          sha256: '',
          createdAt: '',
        },
        file.bytes,
      );
    },
  );

  const sendDocument = (reply: FastifyReply, html: string) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', documentCsp).send(html);

  app.get(
    '/ombudsman/cases/:id/documents/decision',
    {
      config: { access: caseStaff },
      schema: {
        tags,
        summary: 'The written decision as printable HTML (Korean or English)',
        params: caseParams,
        querystring: documentQuerySchema,
      },
    },
    async (request, reply) => {
      const { user, actor } = callerOf(request);
      const { view, departments } = await runCommand(db, actor, async ({ trx: plain }) => {
        const trx = ombudsmanTrx(plain);
        const { row, capacities, facts } = await openCaseFile(
          plain,
          user,
          request.ip,
          request.params.id,
          'document: decision',
        );
        return {
          view: await presentCase(
            trx,
            keys,
            row,
            new Set([...capacities].filter((capacity) => capacity === 'officer')),
            facts.assignedUserIds,
          ),
          departments: await termNames(plain, 'departments'),
        };
      });
      return sendDocument(reply, decisionDocument(view, request.query.lang, departments));
    },
  );

  app.get(
    '/ombudsman/cases/:id/documents/recommendation/:recommendationId',
    {
      config: { access: caseParticipants },
      schema: {
        tags,
        summary: 'A recommendation letter as printable HTML; also for the department it is addressed to',
        params: z.strictObject({ id: z.uuid(), recommendationId: z.uuid() }),
        querystring: documentQuerySchema,
      },
    },
    async (request, reply) => {
      const { user, actor } = callerOf(request);
      const html = await runCommand(db, actor, async ({ trx: plain }) => {
        const trx = ombudsmanTrx(plain);
        const loaded = await loadCase(trx, user, request.params.id);
        const recommendation = await trx
          .selectFrom('ombudsman_recommendations')
          .select(['department_code', 'issued_at'])
          .where('id', '=', request.params.recommendationId)
          .where('case_id', '=', request.params.id)
          .executeTakeFirst();
        if (!recommendation) throw notFound();
        const isAddressee =
          loaded.capacities.has('department') &&
          recommendation.issued_at !== null &&
          recommendation.department_code === user.departmentCode;
        const readsFile =
          loaded.capacities.has('officer') ||
          loaded.capacities.has('standing') ||
          loaded.capacities.has('assigned');
        if (!isAddressee && !readsFile) throw forbidden();
        await recordConfidentialRead(plain, {
          actorId: user.id,
          ip: request.ip,
          entityType: caseEntityType,
          entityId: request.params.id,
          reason: 'document: recommendation',
        });
        // No identity in a letter: present the case as to a reader without that capacity.
        const view = await presentCase(trx, keys, loaded.row, new Set(), loaded.facts.assignedUserIds);
        if (isAddressee && !readsFile) {
          view.recommendations = view.recommendations.filter(
            (item) => item.id === request.params.recommendationId,
          );
        }
        return recommendationDocument(
          view,
          request.params.recommendationId,
          request.query.lang,
          await termNames(plain, 'departments'),
        );
      });
      if (html === undefined) throw notFound();
      return sendDocument(reply, html);
    },
  );

  const recommendationParams = z.strictObject({ id: z.uuid() });
  const reportParams = z.strictObject({ id: z.uuid(), reportId: z.uuid() });
  type Report = z.infer<typeof recommendationSchema>['reports'][number];

  app.post(
    '/ombudsman/recommendations/:id/reports',
    {
      config: { access: { roles: ['department'] } },
      schema: {
        tags,
        summary:
          'Report implementation of a recommendation (the addressed department, after its answer, any number of times until the recommendation is closed)',
        params: recommendationParams,
        body: implementationReportInputSchema,
        response: { 201: recommendationSchema.shape.reports.element },
      },
    },
    async (request, reply) => {
      const { user } = callerOf(request);
      const report: Report = await reportImplementation(
        db,
        user,
        request.ip,
        request.params.id,
        request.body,
      );
      return reply.code(201).send(report);
    },
  );

  declareFileRoutes(app, {
    tags,
    path: '/ombudsman/recommendations/:id/reports/:reportId/files',
    params: reportParams,
    attach: {
      access: { roles: ['department'] },
      summary:
        "Attach evidence to an implementation report: the file is the body (PDF, PNG, JPEG or WebP), its name in `name`; while the recommendation's follow-up is open",
      response: evidenceFileSchema,
      run: ({ user, ip }, { id, reportId, upload }) =>
        attachReportFile(db, keys, user, ip, { id, reportId }, upload),
    },
    remove: {
      access: { roles: ['department'] },
      summary: "Remove evidence from an implementation report while the recommendation's follow-up is open",
      run: ({ user, ip }, params) => removeReportFile(db, user, ip, params),
    },
    download: {
      access: caseParticipants,
      summary:
        'Download evidence of an implementation report (the addressed department and case-file readers)',
      run: ({ user, ip }, params) => readReportFile(db, keys, user, ip, params),
    },
  });

  app.post(
    '/ombudsman/recommendations/:id/closure',
    {
      config: { access: { roles: ['ombudsman'] } },
      schema: {
        tags,
        summary:
          "Close a recommendation's follow-up as implemented or not (the standing or an assigned ombudsman, once; audited)",
        params: recommendationParams,
        body: recommendationClosureInputSchema,
        response: {
          200: z.object({ closedAt: z.string(), closedOutcome: z.enum(['implemented', 'not_implemented']) }),
        },
      },
    },
    async (request) =>
      closeRecommendation(db, callerOf(request).user, request.ip, request.params.id, request.body),
  );

  app.get(
    '/ombudsman/inbox',
    {
      config: { access: { roles: ['department'] } },
      schema: {
        tags,
        summary: "The information requests and recommendations addressed to the caller's department",
        querystring: langQuery,
        response: { 200: departmentInboxSchema },
      },
    },
    async (request) => departmentInbox(db, callerOf(request).user),
  );

  app.get(
    '/ombudsman/members',
    {
      config: { access: { roles: ['admin', 'officer', 'ombudsman'] } },
      schema: {
        tags,
        summary: 'The appointed ombudsmen, with where each appointment stands (pending, in force, ended…)',
        querystring: langQuery,
        response: { 200: z.object({ members: z.array(memberSchema) }) },
      },
    },
    async (request) => ({ members: await listMembers(db, callerOf(request).user) }),
  );

  const memberParams = z.strictObject({ userId: z.uuid() });

  app.put(
    '/ombudsman/members/:userId',
    {
      config: { access: officeManagers },
      schema: {
        tags,
        summary:
          'Propose an appointment (standing or not) or a change of it; pending until a second person confirms',
        params: memberParams,
        body: memberInputSchema,
        response: { 200: memberSchema },
      },
    },
    async (request) => {
      const { user, actor } = callerOf(request);
      return setMember(db, actor, request.params.userId, request.body, user);
    },
  );

  app.post(
    '/ombudsman/members/:userId/confirm',
    {
      config: { access: { roles: ['admin', 'ombudsman'] } },
      schema: {
        tags,
        summary:
          'Confirm a pending appointment: the standing ombudsman in office, or an admin when none is; never the proposer or the appointee',
        params: memberParams,
        body: confirmAppointmentSchema,
        response: { 200: memberSchema },
      },
    },
    async (request) => {
      const { user, actor } = callerOf(request);
      return confirmAppointment(db, user, actor, request.params.userId, request.body);
    },
  );

  app.post(
    '/ombudsman/members/:userId/end',
    {
      config: { access: officeManagers },
      schema: {
        tags,
        summary: "End an appointment: its term's last day; no access from the next day",
        params: memberParams,
        body: endAppointmentSchema,
        response: { 200: memberSchema },
      },
    },
    async (request) => {
      const { user, actor } = callerOf(request);
      return endAppointment(db, user, actor, request.params.userId, request.body);
    },
  );

  app.post(
    '/ombudsman/members/:userId/withdraw',
    {
      config: { access: officeManagers },
      schema: {
        tags,
        summary: 'Withdraw an appointment (pending or confirmed): no access from now on',
        params: memberParams,
        body: withdrawAppointmentSchema,
        response: { 200: memberSchema },
      },
    },
    async (request) => {
      const { user, actor } = callerOf(request);
      return withdrawAppointment(db, user, actor, request.params.userId, request.body);
    },
  );

  app.get(
    '/ombudsman/grants',
    {
      config: { access: { roles: ['admin', 'officer', 'ombudsman'] } },
      schema: {
        tags,
        summary:
          'Every appointment proposed, confirmed, ended and withdrawn (for the standing ombudsman’s review)',
        querystring: langQuery,
        response: { 200: grantsSchema },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      if (user.role === 'ombudsman') await requireStanding(om, user);
      return { grants: await listGrants(db) };
    },
  );

  app.get(
    '/ombudsman/counselling',
    {
      config: { access: caseStaff },
      schema: {
        tags,
        summary: 'Counselling sessions of a year',
        querystring: z.strictObject({
          year: z.coerce.number().int().min(2000).max(2100),
          lang: z.enum(['ko', 'en']).optional(),
        }),
        response: { 200: z.object({ sessions: z.array(counsellingSchema) }) },
      },
    },
    async (request) => ({ sessions: await listCounselling(db, request.query.year) }),
  );

  app.post(
    '/ombudsman/counselling',
    {
      config: { access: caseStaff },
      schema: {
        tags,
        summary: 'Log a counselling session',
        body: counsellingInputSchema,
        response: { 201: counsellingSchema },
      },
    },
    async (request, reply) => {
      const { actor } = callerOf(request);
      return reply.code(201).send(await recordCounselling(db, actor, request.body));
    },
  );

  app.get(
    '/ombudsman/settings/deadlines',
    {
      config: { access: { roles: ['admin', 'officer', 'ombudsman'] } },
      schema: {
        tags,
        summary: 'Days allowed per stage',
        querystring: langQuery,
        response: { 200: deadlineSettingsSchema },
      },
    },
    async () => readDeadlineSettings(om),
  );

  app.put(
    '/ombudsman/settings/deadlines',
    {
      config: { access: officeManagers },
      schema: {
        tags,
        summary: 'Change the days allowed per stage',
        body: deadlineSettingsSchema.strict(),
        response: { 200: deadlineSettingsSchema },
      },
    },
    async (request) => updateDeadlineSettings(db, callerOf(request).actor, request.body),
  );

  const requireOverseer = async (request: FastifyRequest) => {
    const { user } = callerOf(request);
    if (user.role !== 'officer') await requireStanding(om, user);
  };

  app.get(
    '/ombudsman/overdue',
    {
      config: { access: caseStaff },
      schema: {
        tags,
        summary:
          "Overdue stages and answers in working days on the city's calendar (clocks paused while waiting on information); years the calendar does not cover are named",
        querystring: langQuery,
        response: {
          200: z.object({ items: z.array(overdueItemSchema), uncoveredYears: z.array(z.number().int()) }),
        },
      },
    },
    async (request) => {
      await requireOverseer(request);
      return listOverdue(db);
    },
  );

  app.get(
    '/ombudsman/workload',
    {
      config: { access: caseStaff },
      schema: {
        tags,
        summary: 'Open and overdue cases per ombudsman',
        querystring: langQuery,
        response: { 200: workloadSchema },
      },
    },
    async (request) => {
      await requireOverseer(request);
      return workload(db);
    },
  );
}
