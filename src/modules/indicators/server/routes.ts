/**
 * The indicators API. Public: the overview by area, each indicator with its progress and the method,
 * its observations (filtered, or downloaded whole as Open SDG CSV or JSON). Staff: metadata edits and
 * the yearly cycle (the office), data import (the office, or a department for its own indicators).
 *
 * Public answers that fit in memory are cached with ETags; downloads are streamed and not cached.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access } from '../../../kernel/server/access.ts';
import { apiPrefix } from '../../../kernel/server/app.ts';
import { callerOf } from '../../../kernel/server/command.ts';
import { AppError } from '../../../kernel/server/errors.ts';
import { requestLanguage } from '../../../kernel/server/i18n.ts';
import type { Kernel } from '../../../kernel/server/module.ts';
import { jsonBody, PublicCache, sendPublic } from '../../../kernel/server/open-data/public-cache.ts';
import {
  actionCancelSchema,
  actionCreateSchema,
  actionListSchema,
  actionNoteInputSchema,
  actionSchema,
  actionUpdateSchema,
  assessmentListSchema,
  assessmentSchema,
  assessmentUpdateSchema,
  commentAnswerInputSchema,
  completenessSchema,
  correctionInputSchema,
  correctionListSchema,
  cycleGapsSchema,
  cycleListSchema,
  cycleResultsSchema,
  cycleSchema,
  cycleTransitionSchema,
  importQuerySchema,
  importResultSchema,
  indicatorCodeSchema,
  indicatorDetailSchema,
  indicatorUpdateSchema,
  invitationIssueSchema,
  invitationRevokeSchema,
  invitedResponseSchema,
  issuedInvitationsSchema,
  observationListSchema,
  observationQuerySchema,
  openCycleSchema,
  overviewSchema,
  progressMethodSchema,
  publicQuestionnaireSchema,
  publishedResultsSchema,
  publishedYearListSchema,
  questionnaireResultsSchema,
  questionnaireSchema,
  questionnaireUpdateSchema,
  reportCommentInputSchema,
  reportSchema,
  responseSchema,
  targetPlanListSchema,
  targetPlanSchema,
  targetPlanUpdateSchema,
  valueEntrySchema,
  valueEntryUpdateSchema,
} from '../contract.ts';
import { addActionNote, cancelAction, createAction, listActions, updateAction } from './commands/actions.ts';
import { listAssessments, saveAssessment } from './commands/assessments.ts';
import { collectResults } from './commands/collect-results.ts';
import { readCompleteness } from './commands/completeness.ts';
import { correctValue, listCorrections } from './commands/correct-value.ts';
import { listCycles, openCycle, transitionCycle } from './commands/cycles.ts';
import { enterValues, readValueEntry } from './commands/enter-values.ts';
import { exportObservationsJson, exportOpenSdgCsv } from './commands/export-observations.ts';
import { importOpenSdgCsv } from './commands/import-observations.ts';
import { listPublishedYears, readPublishedResults } from './commands/publication.ts';
import {
  aggregateQuestionnaire,
  issueInvitations,
  readPublicQuestionnaire,
  readPublicResults,
  readQuestionnaire,
  recordResponse,
  revokeInvitations,
  saveQuestionnaire,
} from './commands/questionnaires.ts';
import { readCycleGaps } from './commands/read-cycle-gaps.ts';
import { addReportComment, answerReportComment, readReport, reportDocument } from './commands/report.ts';
import { listTargetPlans, saveTargetPlan } from './commands/targets.ts';
import { updateIndicator } from './commands/update-indicator.ts';
import { progressMethod } from './progress.ts';
import { indicatorDetail, listObservations, loadIndicator, overview } from './queries.ts';
import { indicatorsDb } from './tables.ts';

const tags = ['indicators'];
const office: Access = { roles: ['admin', 'officer'] };
const dataEntry: Access = { roles: ['admin', 'officer', 'department'] };
const cycleReaders: Access = { roles: ['admin', 'officer', 'department', 'committee'] };
const reportReaders: Access = { roles: ['admin', 'officer', 'committee'] };
const codeParams = z.strictObject({ code: indicatorCodeSchema });
const year = z.coerce.number().int().min(2000).max(2100);
const yearParams = z.strictObject({ year });
const yearCodeParams = z.strictObject({ year, code: indicatorCodeSchema });
const tokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{32}$/) });
const recorded = z.object({ recorded: z.literal(true) });
const areaParams = z.strictObject({ year, area: z.string().min(1).max(16) });
const serial = z.coerce.number().int().min(1).max(2147483647);
const idParams = z.strictObject({ id: serial });
/** An uploaded file larger than this is refused (413) while it streams in. */
const maxUploadBytes = 200 * 1024 * 1024;
/**
 * The marker of a browser's answer to an open questionnaire: scoped by path to that questionnaire's
 * API addresses, so each questionnaire has its own and no other request carries it. It says only
 * "answered", nothing that leads to the answer.
 */
const answeredCookie = 'rc_answered';
const answeredPath = (token: string) => `${apiPrefix}/indicators/questionnaires/${token}`;

function dimensionFilter(raw: string | string[] | undefined): Record<string, string> {
  const pairs = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const filter: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      throw new AppError('validation_failed', 400, {
        errors: [
          {
            field: 'query.dimension',
            code: 'invalid_dimension',
            message: { ko: '"열=값" 형식이어야 합니다.', en: 'Use the form "column=value".' },
          },
        ],
      });
    }
    filter[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return filter;
}

export function indicatorsRoutes(scope: FastifyInstance, kernel: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel.database;
  const cache = new PublicCache();

  app.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.config.access !== 'public') reply.header('cache-control', 'no-store');
  });
  app.addContentTypeParser(['text/csv', 'application/csv'], (_request, payload, done) => {
    let bytes = 0;
    payload.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxUploadBytes) {
        payload.destroy(new AppError('payload_too_large', 413, { params: { limit: maxUploadBytes } }));
      }
    });
    payload.pause();
    // The stream itself is the body: the input guards walk parsed objects and leave a stream alone.
    done(null, payload);
  });

  app.get(
    '/indicators',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The indicators by area: counts stated by the seed, named indicators, status and progress counts',
        response: { 200: overviewSchema },
      },
    },
    async (request, reply) => {
      const entry = await cache.get('overview', async () => jsonBody(overviewSchema, await overview(db)));
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/indicators/progress-method',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "How progress status is computed (Open SDG's method), in Korean and English",
        response: { 200: progressMethodSchema },
      },
    },
    async () => ({
      text: progressMethod.text,
      statuses: progressMethod.statuses.map((entry) => ({ ...entry })),
    }),
  );

  app.get(
    '/indicators/results',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The years whose assessment cycle is closed and whose results are published',
        response: { 200: publishedYearListSchema },
      },
    },
    async (request, reply) => {
      const entry = await cache.get('results', async () =>
        jsonBody(publishedYearListSchema, await listPublishedYears(db)),
      );
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/indicators/results/:year',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "A closed year's results: the self-assessment, the committee's comments, the complementation actions with their state, and the values (404 before the year closes)",
        params: yearParams,
        response: { 200: publishedResultsSchema },
      },
    },
    async (request, reply) => {
      const { year } = request.params;
      const entry = await cache.get(`results:${year}`, async () =>
        jsonBody(publishedResultsSchema, await readPublishedResults(db, year)),
      );
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/indicators/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "An indicator's metadata, progress status with its inputs, and the values its filters offer",
        params: codeParams,
        response: { 200: indicatorDetailSchema },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const entry = await cache.get(`detail:${code}`, async () =>
        jsonBody(indicatorDetailSchema, await indicatorDetail(db, code, apiPrefix)),
      );
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/indicators/:code/observations',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "An indicator's current observations, filtered by year, series, unit, geo code and disaggregation",
        params: codeParams,
        querystring: observationQuerySchema,
        response: { 200: observationListSchema },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const { limit, dimension, lang: _lang, ...rest } = request.query;
      const dimensions = dimensionFilter(dimension);
      const key = `observations:${code}:${JSON.stringify({ ...rest, limit, dimensions })}`;
      const entry = await cache.get(key, async () => {
        const indicator = await loadIndicator(indicatorsDb(db), code);
        return jsonBody(
          observationListSchema,
          await listObservations(db, indicator.id, { ...rest, dimensions }, limit),
        );
      });
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/indicators/:code/observations.csv',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "Download an indicator's observations as Open SDG CSV (UTF-8 with a byte-order mark)",
        params: codeParams,
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const lines = await exportOpenSdgCsv(db, code);
      return reply
        .header('content-disposition', `attachment; filename="indicator-${code}.csv"`)
        .header('cache-control', 'public, max-age=60')
        .type('text/csv; charset=utf-8')
        .send(Readable.from(lines));
    },
  );

  app.get(
    '/indicators/:code/observations.json',
    {
      config: { access: 'public' },
      schema: { tags, summary: "Download an indicator's observations as JSON", params: codeParams },
    },
    async (request, reply) => {
      const { code } = request.params;
      const parts = await exportObservationsJson(db, code);
      return reply
        .header('content-disposition', `attachment; filename="indicator-${code}.json"`)
        .header('cache-control', 'public, max-age=60')
        .type('application/json; charset=utf-8')
        .send(Readable.from(parts));
    },
  );

  app.post(
    '/indicators/:code/observations',
    {
      config: { access: dataEntry },
      schema: {
        tags,
        summary:
          "Import an indicator's data as Open SDG CSV (text/csv; UTF-8 or CP949). The file's years replace those years' observations",
        description:
          'Without skipInvalid=true a file with any bad row imports nothing and the problem names each line and column.',
        params: codeParams,
        querystring: importQuerySchema,
        response: { 200: importResultSchema },
      },
    },
    async (request) => {
      const { user, actor } = callerOf(request);
      if (!(request.body instanceof Readable)) throw new AppError('unsupported_media_type', 415);
      const result = await importOpenSdgCsv(db, request.params.code, request.body, {
        skipInvalid: request.query.skipInvalid === 'true',
        actor,
        user,
      });
      const language = requestLanguage(request);
      return {
        imported: result.imported,
        replacedYears: result.replacedYears,
        skipped: result.issues.map((issue) => ({ ...issue, message: issue.message[language] })),
      };
    },
  );

  app.put(
    '/indicators/:code',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "Edit an indicator's metadata, baseline, target, validation rules and tags",
        params: codeParams,
        body: indicatorUpdateSchema,
        response: { 200: indicatorDetailSchema },
      },
    },
    async (request) => {
      const { actor } = callerOf(request);
      await updateIndicator(db, actor, request.params.code, request.body);
      return indicatorDetail(db, request.params.code, apiPrefix);
    },
  );

  app.get(
    '/indicators/cycles',
    {
      config: { access: cycleReaders },
      schema: {
        tags,
        summary: 'The yearly assessment cycles and what the caller may do next',
        response: { 200: cycleListSchema },
      },
    },
    async (request) => ({ cycles: await listCycles(db, callerOf(request).user) }),
  );

  app.post(
    '/indicators/cycles',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "Open a year's assessment cycle (step: targets)",
        body: openCycleSchema,
        response: { 201: cycleSchema },
      },
    },
    async (request, reply) => {
      const { user } = callerOf(request);
      return reply.code(201).send(await openCycle(db, user, request.ip, request.body.year));
    },
  );

  app.post(
    '/indicators/cycles/:year/transitions',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Move a cycle to its next step; closing it makes that year read-only',
        params: yearParams,
        body: cycleTransitionSchema,
        response: { 200: cycleSchema },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      return transitionCycle(db, user, request.ip, request.params.year, request.body);
    },
  );

  app.get(
    '/indicators/cycles/:year/gaps',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'What the cycle still lacks at its step and the ones before (targets, values, questionnaires, self-assessment, answers, actions), for confirming a move on',
        params: yearParams,
        response: { 200: cycleGapsSchema },
      },
    },
    async (request) => readCycleGaps(db, request.params.year),
  );

  app.get(
    '/indicators/cycles/:year/results',
    {
      config: { access: cycleReaders },
      schema: {
        tags,
        summary:
          "Step 6: the collection of results: each indicator's final value of the year beside its target, and the actions' implementation (a department: its own actions)",
        params: yearParams,
        response: { 200: cycleResultsSchema },
      },
    },
    async (request) => collectResults(db, callerOf(request).user, request.params.year),
  );

  app.get(
    '/indicators/cycles/:year/targets',
    {
      config: { access: cycleReaders },
      schema: {
        tags,
        summary:
          "Step 1: each indicator's target and plan for the year, or the proposal from last year's results until one is saved",
        params: yearParams,
        response: { 200: targetPlanListSchema },
      },
    },
    async (request) => listTargetPlans(db, request.params.year),
  );

  app.put(
    '/indicators/cycles/:year/targets/:code',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          "Step 1: confirm or edit an indicator's target and plan (version 0 for the first); it becomes the indicator's target",
        params: yearCodeParams,
        body: targetPlanUpdateSchema,
        response: { 200: targetPlanSchema },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const { year, code } = request.params;
      await saveTargetPlan(db, user, request.ip, year, code, request.body);
      const { targets } = await listTargetPlans(db, year);
      return targets.find((target) => target.code === code) as (typeof targets)[number];
    },
  );

  app.get(
    '/indicators/cycles/:year/completeness',
    {
      config: { access: dataEntry },
      schema: {
        tags,
        summary:
          "Step 2: which of each department's indicators have the year's value (a department: its own)",
        params: yearParams,
        response: { 200: completenessSchema },
      },
    },
    async (request) => readCompleteness(db, callerOf(request).user, request.params.year),
  );

  app.get(
    '/indicators/:code/values/:year',
    {
      config: { access: dataEntry },
      schema: {
        tags,
        summary:
          "Step 2: an indicator's values for a year by breakdown, with last year's, for the entry form",
        params: yearCodeParams,
        response: { 200: valueEntrySchema },
      },
    },
    async (request) => readValueEntry(db, callerOf(request).user, request.params.code, request.params.year),
  );

  app.put(
    '/indicators/:code/values/:year',
    {
      config: { access: dataEntry },
      schema: {
        tags,
        summary:
          "Step 2: enter an indicator's values for a year (total and disaggregations), each with the version read",
        description:
          "Required, within the indicator's range, and a change from last year beyond its threshold needs a comment.",
        params: yearCodeParams,
        body: valueEntryUpdateSchema,
        response: { 200: valueEntrySchema },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const { code, year } = request.params;
      await enterValues(db, user, request.ip, code, year, request.body);
      return readValueEntry(db, user, code, year);
    },
  );

  const questionnairePath = '/indicators/cycles/:year/questionnaires/:code';

  app.get(
    questionnairePath,
    {
      config: { access: dataEntry },
      schema: {
        tags,
        summary: "A qualitative indicator's questionnaire of the year: questions, public link, full results",
        params: yearCodeParams,
        response: { 200: questionnaireSchema },
      },
    },
    async (request) => {
      const { year, code } = request.params;
      return readQuestionnaire(db, callerOf(request).user, year, code);
    },
  );

  app.put(
    questionnairePath,
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          "Write a qualitative indicator's questionnaire of the year (version 0 to create it); not once answered",
        params: yearCodeParams,
        body: questionnaireUpdateSchema,
        response: { 200: questionnaireSchema },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const { year, code } = request.params;
      await saveQuestionnaire(db, user, request.ip, year, code, request.body);
      return readQuestionnaire(db, user, year, code);
    },
  );

  app.post(
    `${questionnairePath}/responses`,
    {
      config: { access: dataEntry },
      schema: {
        tags,
        summary: 'Enter a response received on paper (while the cycle collects data)',
        params: yearCodeParams,
        body: responseSchema,
        response: { 201: recorded },
      },
    },
    async (request, reply) => {
      const { user } = callerOf(request);
      const { year, code } = request.params;
      await recordResponse(db, { user, year, code }, request.body);
      return reply.code(201).send({ recorded: true as const });
    },
  );

  app.post(
    `${questionnairePath}/aggregate`,
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          "Turn the questionnaire's results into the indicator's observations of the year (five responses at least)",
        params: yearCodeParams,
        response: { 200: z.object({ observations: z.number().int() }) },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const { year, code } = request.params;
      return { observations: await aggregateQuestionnaire(db, user, request.ip, year, code) };
    },
  );

  app.post(
    `${questionnairePath}/invitations`,
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Issue personal single-use answer links for an invited questionnaire (shown once: only their hashes are kept)',
        params: yearCodeParams,
        body: invitationIssueSchema,
        response: { 201: issuedInvitationsSchema },
      },
    },
    async (request, reply) => {
      const { user } = callerOf(request);
      const { year, code } = request.params;
      const issued = await issueInvitations(db, user, request.ip, year, code, request.body.count);
      return reply.code(201).send(issued);
    },
  );

  app.post(
    `${questionnairePath}/invitations/revoke`,
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Revoke one unused personal answer link, or (invitation null) every unused one',
        params: yearCodeParams,
        body: invitationRevokeSchema,
        response: { 200: z.object({ revoked: z.number().int() }) },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const { year, code } = request.params;
      const revoked = await revokeInvitations(db, user, request.ip, year, code, request.body.invitation);
      return { revoked };
    },
  );

  app.get(
    '/indicators/questionnaires/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A questionnaire through its public link: its questions, and whether it takes answers',
        params: tokenParams,
        response: { 200: publicQuestionnaireSchema },
      },
    },
    async (request) =>
      readPublicQuestionnaire(db, request.params.token, request.cookies[answeredCookie] !== undefined),
  );

  app.post(
    '/indicators/questionnaires/:token/responses',
    {
      // An open questionnaire: one answer per browser (the marker cookie, for as long as it lives, and
      // one a day per browser counted by the limiter) and the address's allowance per questionnaire a
      // day: stuffing answers past the "<5" suppression takes more than reloading the form.
      config: { access: 'public', writeLimit: { perBrowser: 1, perRecord: true, windowMinutes: 1440 } },
      schema: {
        tags,
        summary:
          'Answer an open questionnaire anonymously, once per browser (nothing about the respondent is kept)',
        params: tokenParams,
        body: responseSchema,
        response: { 201: recorded },
      },
    },
    async (request, reply) => {
      const { token } = request.params;
      const browserAnswered = request.cookies[answeredCookie] !== undefined;
      await recordResponse(db, { token, browserAnswered }, request.body);
      reply.setCookie(answeredCookie, '1', {
        path: answeredPath(token),
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        maxAge: 365 * 24 * 60 * 60,
      });
      return reply.code(201).send({ recorded: true as const });
    },
  );

  app.post(
    '/indicators/questionnaires/:token/invited-responses',
    {
      // The personal link is the limit here (one answer each): several invited people may share a
      // device or an address, so both allowances are wider; the token is in the body, kept out of logs.
      config: { access: 'public', writeLimit: { factor: 10, perRecord: true, windowMinutes: 1440 } },
      schema: {
        tags,
        summary:
          'Answer an invited questionnaire through a personal single-use link (the link is used up; the answer keeps no trace of it)',
        params: tokenParams,
        body: invitedResponseSchema,
        response: { 201: recorded },
      },
    },
    async (request, reply) => {
      const { invitation, answers } = request.body;
      await recordResponse(db, { token: request.params.token, invitation }, { answers });
      return reply.code(201).send({ recorded: true as const });
    },
  );

  app.get(
    '/indicators/questionnaires/:token/results',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'A questionnaire\'s results per question; one to four answers are shown as "<5" only, none as 0',
        params: tokenParams,
        response: { 200: questionnaireResultsSchema },
      },
    },
    async (request) => readPublicResults(db, request.params.token),
  );

  app.get(
    '/indicators/cycles/:year/assessments',
    {
      config: { access: cycleReaders },
      schema: {
        tags,
        summary: 'Step 3: the self-assessment of each indicator group (area): score and narrative',
        params: yearParams,
        response: { 200: assessmentListSchema },
      },
    },
    async (request) => listAssessments(db, request.params.year),
  );

  app.put(
    '/indicators/cycles/:year/assessments/:area',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          "Step 3: write an area's self-assessment (version 0 for the first), while the cycle is at assessment",
        params: areaParams,
        body: assessmentUpdateSchema,
        response: { 200: assessmentSchema },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const { year, area } = request.params;
      await saveAssessment(db, user, request.ip, year, area, request.body);
      const { areas } = await listAssessments(db, year);
      return areas.find((entry) => entry.areaCode === area) as (typeof areas)[number];
    },
  );

  app.get(
    '/indicators/cycles/:year/report',
    {
      config: { access: reportReaders },
      schema: {
        tags,
        summary:
          "Step 4: the assessment report generated from the cycle's data (HTML fragment) and the committee's comments",
        params: yearParams,
        querystring: z.strictObject({ lang: z.enum(['ko', 'en']).optional() }),
        response: { 200: reportSchema },
      },
    },
    async (request) => readReport(db, callerOf(request).user, request.params.year, requestLanguage(request)),
  );

  app.get(
    '/indicators/cycles/:year/report.html',
    {
      config: { access: reportReaders },
      schema: {
        tags,
        summary: 'Step 4: the assessment report as an HTML document, for download and print',
        params: yearParams,
        querystring: z.strictObject({ lang: z.enum(['ko', 'en']).optional() }),
      },
    },
    async (request, reply) => {
      const { year } = request.params;
      const document = await reportDocument(db, callerOf(request).user, year, requestLanguage(request));
      return reply
        .header('content-disposition', `attachment; filename="indicators-report-${year}.html"`)
        .type('text/html; charset=utf-8')
        .send(document);
    },
  );

  app.post(
    '/indicators/cycles/:year/report/comments',
    {
      config: { access: reportReaders },
      schema: {
        tags,
        summary: 'Step 4: comment on the report (kept as written), while the cycle is at the report',
        params: yearParams,
        body: reportCommentInputSchema,
        response: { 201: reportSchema },
      },
    },
    async (request, reply) => {
      const { user } = callerOf(request);
      const { year } = request.params;
      await addReportComment(db, user, request.ip, year, request.body.body);
      return reply.code(201).send(await readReport(db, user, year, requestLanguage(request)));
    },
  );

  app.post(
    '/indicators/cycles/:year/report/comments/:id/answers',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          "The office answers a committee's comment on the report (kept as written), from the report until the year closes",
        params: z.strictObject({ year, id: serial }),
        body: commentAnswerInputSchema,
        response: { 201: reportSchema },
      },
    },
    async (request, reply) => {
      const { user } = callerOf(request);
      const { year, id } = request.params;
      await answerReportComment(db, user, request.ip, year, id, request.body.answer);
      return reply.code(201).send(await readReport(db, user, year, requestLanguage(request)));
    },
  );

  app.get(
    '/indicators/cycles/:year/actions',
    {
      config: { access: cycleReaders },
      schema: {
        tags,
        summary: "Step 5: the year's complementation actions (a department: those it owns)",
        params: yearParams,
        response: { 200: actionListSchema },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const { year } = request.params;
      const owner = user.role === 'department' ? (user.departmentCode ?? '') : undefined;
      return { year, actions: await listActions(db, year, owner) };
    },
  );

  app.post(
    '/indicators/cycles/:year/actions',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Step 5: add a complementation action for an indicator, with its owner department and due date',
        params: yearParams,
        body: actionCreateSchema,
        response: { 201: actionSchema },
      },
    },
    async (request, reply) => {
      const { user } = callerOf(request);
      return reply
        .code(201)
        .send(await createAction(db, user, request.ip, request.params.year, request.body));
    },
  );

  app.patch(
    '/indicators/actions/:id',
    {
      config: { access: dataEntry },
      schema: {
        tags,
        summary:
          "Step 5: move an action's status (the owner department), or also change it (the office), with the version read",
        params: idParams,
        body: actionUpdateSchema,
        response: { 200: actionSchema },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      return updateAction(db, user, request.ip, request.params.id, request.body);
    },
  );

  app.post(
    '/indicators/actions/:id/cancel',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Cancel a complementation action that is no longer to be done, with the reason (also after the year closes)',
        params: idParams,
        body: actionCancelSchema,
        response: { 200: actionSchema },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      return cancelAction(db, user, request.ip, request.params.id, request.body);
    },
  );

  app.post(
    '/indicators/actions/:id/notes',
    {
      config: { access: dataEntry },
      schema: {
        tags,
        summary:
          'Add a progress note to a complementation action (the office or the owner department), until it is done or cancelled',
        params: idParams,
        body: actionNoteInputSchema,
        response: { 201: actionSchema },
      },
    },
    async (request, reply) => {
      const { user } = callerOf(request);
      return reply
        .code(201)
        .send(await addActionNote(db, user, request.ip, request.params.id, request.body.body));
    },
  );

  app.post(
    '/indicators/:code/corrections',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          "Correct a closed year's value: a new version with a reason; the old value is kept and the correction published",
        params: codeParams,
        body: correctionInputSchema,
        response: { 201: correctionListSchema },
      },
    },
    async (request, reply) => {
      const { user } = callerOf(request);
      const { code } = request.params;
      await correctValue(db, user, request.ip, code, request.body);
      return reply.code(201).send({ corrections: await listCorrections(db, code) });
    },
  );

  app.get(
    '/indicators/:code/corrections',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "Corrections made to an indicator's values after their year closed, with the old value and the reason",
        params: codeParams,
        response: { 200: correctionListSchema },
      },
    },
    async (request) => ({ corrections: await listCorrections(db, request.params.code) }),
  );
}
