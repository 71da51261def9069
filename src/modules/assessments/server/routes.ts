/**
 * The assessments API. Public: the figures (the seed's history plus what the platform tracked), the
 * summaries of closed assessments, the comparison of enterprises' yearly evaluations with the
 * trainings. Staff: templates (written by the office, versioned), subjects and their timelines, and
 * the assessment workflow; departments request assessments of their subjects, answer recommendations
 * and record revisions, and may rate other departments' subjects, never their own.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access } from '../../../kernel/server/access.ts';
import { callerOf } from '../../../kernel/server/command.ts';
import { keyring } from '../../../kernel/server/crypto.ts';
import { notFound } from '../../../kernel/server/errors.ts';
import { acceptFileUploads, sendStoredFile } from '../../../kernel/server/files/index.ts';
import { declareFileRoutes } from '../../../kernel/server/files/routes.ts';
import type { Kernel } from '../../../kernel/server/module.ts';
import { jsonBody, PublicCache, sendPublic } from '../../../kernel/server/open-data/public-cache.ts';
import {
  assessmentListSchema,
  assessmentSchema,
  comparisonSchema,
  detailsUpdateSchema,
  evidenceFileSchema,
  fileParams,
  idParams,
  itemFileParams,
  newAssessmentSchema,
  newRecommendationSchema,
  newRevisionSchema,
  newSubjectSchema,
  newTemplateSchema,
  publicOverviewSchema,
  publicSummarySchema,
  ratingInputSchema,
  responseInputSchema,
  subjectSchema,
  subjectTimelineSchema,
  templateHistorySchema,
  templateListSchema,
  templateSchema,
  templateUpdateSchema,
  trainingInputSchema,
  trainingSchema,
  trainingUpdateSchema,
  transitionSchema,
} from '../contract.ts';
import { addRecommendation } from './commands/add-recommendation.ts';
import {
  attachItemFile,
  attachRevisionFile,
  readEvidenceFile,
  removeItemFile,
  removeRevisionFile,
} from './commands/attach-evidence-file.ts';
import { openAssessment } from './commands/open-assessment.ts';
import { rateItem } from './commands/rate-item.ts';
import { readAssessment } from './commands/read-assessment.ts';
import { recordRevision } from './commands/record-revision.ts';
import { recordTraining, updateTraining } from './commands/record-training.ts';
import { registerSubject } from './commands/register-subject.ts';
import { respondToRecommendation } from './commands/respond-to-recommendation.ts';
import { transitionAssessment } from './commands/transition-assessment.ts';
import { updateAssessmentDetails } from './commands/update-assessment-details.ts';
import { createTemplate, reviseTemplate } from './commands/write-template.ts';
import { requireRead } from './policy.ts';
import {
  enterpriseComparison,
  figures,
  latestTemplates,
  listAssessments,
  listSubjects,
  loadSubject,
  presentSubject,
  presentTemplate,
  publicSummaries,
  templateHistory,
} from './queries.ts';
import { assessmentsDb } from './tables.ts';

const tags = ['assessments'];
const office: Access = { roles: ['admin', 'officer'] };
const staff: Access = { roles: ['admin', 'officer', 'department'] };
const keyParams = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(100),
});
const created = z.object({ id: z.number().int() });

export function assessmentsRoutes(scope: FastifyInstance, kernel: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel.database;
  const cache = new PublicCache();
  const keys = keyring(kernel.config);
  acceptFileUploads(scope);

  app.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.config.access !== 'public') reply.header('cache-control', 'no-store');
  });

  app.get(
    '/assessments/public',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "The figures (the seed's history plus tracked revisions) and the summaries of closed assessments",
        response: { 200: publicOverviewSchema },
      },
    },
    async (request, reply) => {
      const entry = await cache.get('overview', async () =>
        jsonBody(publicOverviewSchema, { figures: await figures(db), summaries: await publicSummaries(db) }),
      );
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/assessments/public/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The public summary of a closed assessment: what was assessed, recommended and changed',
        params: idParams,
        response: { 200: publicSummarySchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const entry = await cache.get(`summary:${id}`, async () => {
        const [summary] = await publicSummaries(db, id);
        return summary ? jsonBody(publicSummarySchema, summary) : undefined;
      });
      if (!entry) throw notFound();
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/assessments/enterprises',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "Municipal enterprises' closed yearly evaluations by year and section, and the trainings",
        response: { 200: comparisonSchema },
      },
    },
    async (request, reply) => {
      const entry = await cache.get('enterprises', async () =>
        jsonBody(comparisonSchema, await enterpriseComparison(db)),
      );
      return sendPublic(request, reply, entry);
    },
  );

  app.post(
    '/assessments/trainings',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Record a council or task-force training',
        body: trainingInputSchema,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const { actor } = callerOf(request);
      const id = await recordTraining(db, actor, request.body);
      return reply.code(201).send({ id });
    },
  );

  app.put(
    '/assessments/trainings/:id',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Edit a training (with the version read)',
        params: idParams,
        body: trainingUpdateSchema,
        response: { 200: trainingSchema },
      },
    },
    async (request) => {
      const { actor } = callerOf(request);
      return updateTraining(db, actor, request.params.id, request.body);
    },
  );

  app.get(
    '/assessments/templates',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: 'The newest version of every template',
        response: { 200: templateListSchema },
      },
    },
    async () => ({ templates: (await latestTemplates(assessmentsDb(db))).map(presentTemplate) }),
  );

  app.get(
    '/assessments/templates/:key/versions',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          'Every version of a template: when, by whom, what changed in its sections and items, and the assessments using it',
        params: keyParams,
        response: { 200: templateHistorySchema },
      },
    },
    async (request) => templateHistory(assessmentsDb(db), request.params.key),
  );

  app.post(
    '/assessments/templates',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Write a new template (version 1)',
        body: newTemplateSchema,
        response: { 201: templateSchema },
      },
    },
    async (request, reply) => {
      const { actor } = callerOf(request);
      const { key, ...input } = request.body;
      return reply.code(201).send(await createTemplate(db, actor, key, input));
    },
  );

  app.put(
    '/assessments/templates/:key',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Edit a template: writes its next version; assessments keep the version they use',
        params: keyParams,
        body: templateUpdateSchema,
        response: { 200: templateSchema },
      },
    },
    async (request) => {
      const { actor } = callerOf(request);
      const { version, ...input } = request.body;
      return reviseTemplate(db, actor, request.params.key, input, version);
    },
  );

  app.get(
    '/assessments',
    {
      config: { access: staff },
      schema: {
        tags,
        summary:
          'Assessments and subjects the caller sees (a department: its own, and those open for rating)',
        response: { 200: assessmentListSchema },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const reader = assessmentsDb(db);
      const department = user.role === 'department' ? user.departmentCode : undefined;
      return {
        assessments: await listAssessments(
          reader,
          department === undefined ? {} : { departmentCode: department },
        ),
        subjects: await listSubjects(reader, department),
      };
    },
  );

  app.post(
    '/assessments/subjects',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: 'Register a subject (a department its own)',
        body: newSubjectSchema,
        response: { 201: subjectSchema },
      },
    },
    async (request, reply) => {
      const { user, ip } = callerOf(request);
      return reply.code(201).send(await registerSubject(db, user, ip, request.body));
    },
  );

  app.get(
    '/assessments/subjects/:id',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: 'A subject with the timeline of its assessments',
        params: idParams,
        response: { 200: subjectTimelineSchema },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const reader = assessmentsDb(db);
      const subject = await loadSubject(reader, request.params.id);
      requireRead(user, subject, 'requested');
      return {
        subject: presentSubject(subject),
        assessments: await listAssessments(reader, { subjectId: subject.id }),
      };
    },
  );

  app.post(
    '/assessments',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: 'Request an assessment of a subject with the newest version of a template',
        body: newAssessmentSchema,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const { user, ip } = callerOf(request);
      return reply.code(201).send({ id: await openAssessment(db, user, ip, request.body) });
    },
  );

  app.get(
    '/assessments/:id',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: 'An assessment with its ratings, scores and recommendations',
        params: idParams,
        response: { 200: assessmentSchema },
      },
    },
    async (request) => readAssessment(db, callerOf(request).user, request.params.id),
  );

  app.patch(
    '/assessments/:id',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "Edit an assessment's scope and public summary (with the version read)",
        params: idParams,
        body: detailsUpdateSchema,
        response: { 200: assessmentSchema },
      },
    },
    async (request) => {
      const { user, ip } = callerOf(request);
      await updateAssessmentDetails(db, user, ip, request.params.id, request.body);
      return readAssessment(db, user, request.params.id);
    },
  );

  app.post(
    '/assessments/:id/transitions',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Move an assessment to its next step (409 out of order or on a stale version)',
        params: idParams,
        body: transitionSchema,
        response: { 200: assessmentSchema },
      },
    },
    async (request) => {
      const { user, ip } = callerOf(request);
      await transitionAssessment(db, user, ip, request.params.id, request.body);
      return readAssessment(db, user, request.params.id);
    },
  );

  app.put(
    '/assessments/:id/ratings',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: 'Rate one item, with evidence and finding (never by the subject’s own department)',
        params: idParams,
        body: ratingInputSchema,
        response: { 200: assessmentSchema },
      },
    },
    async (request) => {
      const { user, ip } = callerOf(request);
      await rateItem(db, user, ip, request.params.id, request.body);
      return readAssessment(db, user, request.params.id);
    },
  );

  app.post(
    '/assessments/:id/recommendations',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Add a recommendation (at the recommendations step)',
        params: idParams,
        body: newRecommendationSchema,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const { user, ip } = callerOf(request);
      return reply
        .code(201)
        .send({ id: await addRecommendation(db, user, ip, request.params.id, request.body) });
    },
  );

  app.put(
    '/assessments/recommendations/:id/response',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: "The department's response to a recommendation (accepted, partly, rejected with reasons)",
        params: idParams,
        body: responseInputSchema,
      },
    },
    async (request, reply) => {
      const { user, ip } = callerOf(request);
      await respondToRecommendation(db, user, ip, request.params.id, request.body);
      return reply.code(204).send();
    },
  );

  app.post(
    '/assessments/:id/revisions',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: 'Record a revision made because of the assessment: what changed, when, the evidence',
        params: idParams,
        body: newRevisionSchema,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const { user, ip } = callerOf(request);
      const id = await recordRevision(db, user, ip, request.params.id, request.body);
      return reply.code(201).send({ id });
    },
  );

  declareFileRoutes(app, {
    tags,
    path: '/assessments/:id/items/:itemKey/files',
    params: itemFileParams,
    attach: {
      access: staff,
      summary:
        "Attach an evidence file to a checklist item, at the assessment step, never by the subject's own department: the file is the body (PDF, PNG, JPEG or WebP, decided from its content), its name in `name`",
      response: evidenceFileSchema,
      run: ({ user, ip }, { id, itemKey, upload }) => attachItemFile(db, keys, user, ip, id, itemKey, upload),
    },
    remove: {
      access: staff,
      summary:
        "Remove a checklist item's evidence file, at the assessment step, by those who may attach it; a rating that rested on it alone is withdrawn",
      run: ({ user, ip }, { id, itemKey, fileId }) => removeItemFile(db, user, ip, id, itemKey, fileId),
    },
  });

  declareFileRoutes(app, {
    tags,
    path: '/assessments/revisions/:id/files',
    params: idParams,
    attach: {
      access: staff,
      summary:
        "Attach an evidence file to a recorded revision, at the revision step, by the office or the subject's department: the file is the body, its name in `name`",
      response: evidenceFileSchema,
      run: ({ user, ip }, { id, upload }) => attachRevisionFile(db, keys, user, ip, id, upload),
    },
    remove: {
      access: staff,
      summary:
        "Remove a revision's evidence file, at the revision step, by the office or the subject's department",
      run: ({ user, ip }, { id, fileId }) => removeRevisionFile(db, user, ip, id, fileId),
    },
  });

  app.get(
    '/assessments/:id/files/:fileId',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: "Download an assessment's evidence file (the office and the subject's department only)",
        params: fileParams,
      },
    },
    async (request, reply) => {
      const { id, fileId } = request.params;
      const { file, bytes } = await readEvidenceFile(db, keys, callerOf(request).user, id, fileId);
      return sendStoredFile(reply, file, bytes);
    },
  );
}
