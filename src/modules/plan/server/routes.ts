/**
 * The plan API. Public: the basic plans with their areas and stated figures, a year's accountability
 * view (progress by area and department, budget), a task's timeline; served from the public cache.
 * Staff (`/plan/staff/…`): tasks (the office edits, a department sees its own), progress reports
 * (the lead department submits, the office accepts or returns) with their evidence files, comments
 * (the committee, answered by the office), overdue reports, reporting periods and the status list, import and export.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access } from '../../../kernel/server/access.ts';
import { callerOf } from '../../../kernel/server/command.ts';
import { keyring } from '../../../kernel/server/crypto.ts';
import { AppError, notFound } from '../../../kernel/server/errors.ts';
import { acceptFileUploads } from '../../../kernel/server/files/index.ts';
import { declareFileRoutes } from '../../../kernel/server/files/routes.ts';
import type { Kernel } from '../../../kernel/server/module.ts';
import { jsonBody, PublicCache, sendPublic } from '../../../kernel/server/open-data/public-cache.ts';
import { xlsxContentType } from '../../../kernel/server/spreadsheet.ts';
import {
  commentInputSchema,
  commentSchema,
  createTaskSchema,
  importResultSchema,
  overdueListSchema,
  plansSchema,
  publicTaskSchema,
  publicYearSchema,
  reportFileSchema,
  reportInputSchema,
  reportSchema,
  reviewInputSchema,
  statusInputSchema,
  statusListSchema,
  taskDetailSchema,
  taskListSchema,
  updateTaskSchema,
  yearSchema,
  yearSettingsInputSchema,
  yearSettingsSchema,
} from '../contract.ts';
import { addComment, type CommentTarget } from './commands/add-comment.ts';
import { createTask } from './commands/create-task.ts';
import { exportTasks } from './commands/export-tasks.ts';
import { importTasks } from './commands/import-tasks.ts';
import { listOverdue, listTasksFor, readTask } from './commands/read-tasks.ts';
import { attachReportFile, readReportFile, removeReportFile } from './commands/report-files.ts';
import { reviewReport } from './commands/review-report.ts';
import { saveStatus } from './commands/save-status.ts';
import { submitReport } from './commands/submit-report.ts';
import { updateTask } from './commands/update-task.ts';
import { readYearSettings, updateYearSettings } from './commands/year-settings.ts';
import { requireReport } from './policy.ts';
import { listPlans, listStatuses, loadTask, publicTask, publicYear } from './queries.ts';
import { planDb } from './tables.ts';

const tags = ['plan'];
const office: Access = { roles: ['admin', 'officer'] };
const staffReaders: Access = { roles: ['admin', 'officer', 'department', 'committee'] };
const commenters: Access = { roles: ['admin', 'officer', 'committee'] };
const recordId = z.coerce.number().int().min(1).max(2_147_483_647);
const idParams = z.strictObject({ id: recordId });
const yearParams = z.strictObject({ year: yearSchema });
const statusParams = z.strictObject({ code: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/) });
const maxUploadBytes = 20 * 1024 * 1024;
const csvTypes = ['text/csv', 'application/csv'];

export function planRoutes(scope: FastifyInstance, kernel: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel.database;
  const keys = keyring(kernel.config);
  const cache = new PublicCache();

  app.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.config.access !== 'public') reply.header('cache-control', 'no-store');
  });
  // Task files arrive as the raw body; only this module's scope takes these types.
  app.addContentTypeParser(
    [...csvTypes, xlsxContentType],
    { parseAs: 'buffer', bodyLimit: maxUploadBytes },
    (_request, body, done) => done(null, body),
  );
  acceptFileUploads(app);

  app.get(
    '/plan',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The basic plans: periods, legal basis, areas, the figures the seed states, years with tasks',
        response: { 200: plansSchema },
      },
    },
    async (request, reply) =>
      sendPublic(
        request,
        reply,
        await cache.get('plans', async () => jsonBody(plansSchema, await listPlans(planDb(db)))),
      ),
  );

  app.get(
    '/plan/years/:year',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "A year's action plan in public: progress by area and by department, budget, public tasks",
        params: yearParams,
        response: { 200: publicYearSchema },
      },
    },
    async (request, reply) => {
      const { year } = request.params;
      const entry = await cache.get(`year:${year}`, async () => {
        const view = await publicYear(planDb(db), year);
        return view && jsonBody(publicYearSchema, view);
      });
      if (!entry) throw notFound();
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/plan/tasks/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A public task: progress, budget, and its timeline of milestones and accepted reports',
        params: idParams,
        response: { 200: publicTaskSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const entry = await cache.get(`task:${id}`, async () => {
        const view = await publicTask(planDb(db), id);
        return view && jsonBody(publicTaskSchema, view);
      });
      if (!entry) throw notFound();
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/plan/staff/years/:year/tasks',
    {
      config: { access: staffReaders },
      schema: {
        tags,
        summary: "A year's tasks the caller may see (a department: those it leads or cooperates on)",
        params: yearParams,
        response: { 200: taskListSchema },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      return { year: request.params.year, tasks: await listTasksFor(db, user, request.params.year) };
    },
  );

  app.post(
    '/plan/staff/tasks',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "Add a policy task to a year's action plan",
        body: createTaskSchema,
        response: { 201: taskDetailSchema },
      },
    },
    async (request, reply) => {
      const { user, ip } = callerOf(request);
      const id = await createTask(db, user, ip, request.body);
      return reply.code(201).send(await readTask(db, user, id));
    },
  );

  app.get(
    '/plan/staff/tasks/:id',
    {
      config: { access: staffReaders },
      schema: {
        tags,
        summary: 'A task with every report revision, its periods (overdue marked) and comments',
        params: idParams,
        response: { 200: taskDetailSchema },
      },
    },
    async (request) => readTask(db, callerOf(request).user, request.params.id),
  );

  app.put(
    '/plan/staff/tasks/:id',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Edit a task (with the version read; a stale one is a 409)',
        params: idParams,
        body: updateTaskSchema,
        response: { 200: taskDetailSchema },
      },
    },
    async (request) => {
      const { user, ip } = callerOf(request);
      await updateTask(db, user, ip, request.params.id, request.body);
      return readTask(db, user, request.params.id);
    },
  );

  app.post(
    '/plan/staff/tasks/:id/reports',
    {
      config: { access: { roles: ['department'] } },
      // Whose task it is, before the report itself: a department learns nothing about a task it may
      // not report on, not even whether its report would have been valid.
      preValidation: async (request) => {
        const params = idParams.safeParse(request.params);
        if (!params.success) return;
        requireReport(callerOf(request).user, await loadTask(planDb(db), params.data.id));
      },
      schema: {
        tags,
        summary: "The lead department's progress report for one period (again after a return)",
        params: idParams,
        body: reportInputSchema,
        response: { 201: reportSchema },
      },
    },
    async (request, reply) => {
      const { user, ip } = callerOf(request);
      return reply.code(201).send(await submitReport(db, user, ip, request.params.id, request.body));
    },
  );

  app.post(
    '/plan/staff/reports/:id/review',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Accept a submitted report, or return it with a comment',
        params: idParams,
        body: reviewInputSchema,
        response: { 200: reportSchema },
      },
    },
    async (request) => {
      const { user, ip } = callerOf(request);
      return reviewReport(db, user, ip, request.params.id, request.body);
    },
  );

  declareFileRoutes(app, {
    tags,
    path: '/plan/staff/reports/:id/files',
    params: idParams,
    attach: {
      access: { roles: ['department'] },
      summary: "Attach an evidence file (PDF, PNG, JPEG, WebP) to the department's report awaiting review",
      description:
        'The file is the request body; `name` is its original name. The type is decided from the bytes.',
      response: reportFileSchema,
      run: ({ user, ip }, { id, upload }) => attachReportFile(db, keys, user, ip, id, upload),
    },
    remove: {
      access: { roles: ['department'] },
      summary:
        "Remove an evidence file from the department's report while it awaits review (a reviewed revision's files stay)",
      run: ({ user, ip }, { id, fileId }) => removeReportFile(db, user, ip, id, fileId),
    },
    download: {
      access: staffReaders,
      summary: "Download a report's evidence file (for those who may read the task)",
      run: ({ user }, { id, fileId }) => readReportFile(db, keys, user, id, fileId),
    },
  });

  // Tasks and years take comments alike; only the address and what it names differ.
  const commentRoute = <P extends typeof idParams | typeof yearParams>(
    path: string,
    params: P,
    summary: string,
    target: (params: z.infer<P>) => CommentTarget,
  ) =>
    app.post(
      path,
      {
        config: { access: commenters },
        schema: { tags, summary, params, body: commentInputSchema, response: { 201: commentSchema } },
      },
      async (request, reply) => {
        const { user, ip } = callerOf(request);
        const comment = await addComment(db, user, ip, target(request.params as z.infer<P>), request.body);
        return reply.code(201).send(comment);
      },
    );
  commentRoute(
    '/plan/staff/tasks/:id/comments',
    idParams,
    "A committee member's comment on a task, or the office's answer to one",
    ({ id }) => ({ taskId: id }),
  );
  commentRoute(
    '/plan/staff/years/:year/comments',
    yearParams,
    "A committee member's comment on the year's review, or the office's answer",
    ({ year }) => ({ year }),
  );

  app.get(
    '/plan/staff/years/:year',
    {
      config: { access: staffReaders },
      schema: {
        tags,
        summary: "A year's reporting periods, the office's yearly review and the comments on it",
        params: yearParams,
        response: { 200: yearSettingsSchema },
      },
    },
    async (request) => readYearSettings(db, request.params.year),
  );

  app.put(
    '/plan/staff/years/:year',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "Set a year's reporting periods per year (1, 2, 4 or 12) and its review",
        params: yearParams,
        body: yearSettingsInputSchema,
        response: { 200: yearSettingsSchema },
      },
    },
    async (request) => {
      const { user, ip } = callerOf(request);
      await updateYearSettings(db, user, ip, request.params.year, request.body);
      return readYearSettings(db, request.params.year);
    },
  );

  app.get(
    '/plan/staff/years/:year/overdue',
    {
      config: { access: staffReaders },
      schema: {
        tags,
        summary: 'Reports missing for ended periods, by lead department (a department: its own)',
        params: yearParams,
        response: { 200: overdueListSchema },
      },
    },
    async (request) => listOverdue(db, callerOf(request).user, request.params.year),
  );

  app.get(
    '/plan/staff/statuses',
    {
      config: { access: staffReaders },
      schema: {
        tags,
        summary: 'The status list, each with its progress',
        response: { 200: statusListSchema },
      },
    },
    async () => ({ statuses: await listStatuses(planDb(db)) }),
  );

  app.put(
    '/plan/staff/statuses/:code',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags,
        summary: 'Add or change a status (version 0 to add one or first change a default)',
        params: statusParams,
        body: statusInputSchema,
        response: { 200: statusListSchema },
      },
    },
    async (request) => {
      const { user, ip } = callerOf(request);
      await saveStatus(db, user, ip, request.params.code, request.body);
      return { statuses: await listStatuses(planDb(db)) };
    },
  );

  for (const kind of ['csv', 'xlsx'] as const) {
    app.get(
      `/plan/staff/years/:year/tasks.${kind}`,
      {
        config: { access: office },
        schema: {
          tags,
          summary: `Download a year's tasks as ${kind === 'csv' ? 'CSV (UTF-8 with a byte-order mark)' : 'an Excel workbook'}`,
          params: yearParams,
        },
      },
      async (request, reply) => {
        const { year } = request.params;
        const file = await exportTasks(db, year, kind);
        return reply
          .header('content-disposition', `attachment; filename="action-plan-${year}.${kind}"`)
          .type(kind === 'csv' ? 'text/csv; charset=utf-8' : xlsxContentType)
          .send(file);
      },
    );
  }

  app.post(
    '/plan/staff/years/:year/tasks/import',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "Import a year's tasks from CSV (text/csv; UTF-8 or CP949) or .xlsx; all or nothing",
        description:
          'A row whose code the year has updates that task; others are added. Any problem imports nothing and names each line and column.',
        params: yearParams,
        response: { 200: importResultSchema },
      },
    },
    async (request) => {
      const { actor } = callerOf(request);
      if (!Buffer.isBuffer(request.body)) throw new AppError('unsupported_media_type', 415);
      const kind = request.headers['content-type']?.startsWith(xlsxContentType) ? 'xlsx' : 'csv';
      return importTasks(db, actor, request.params.year, request.body, kind);
    },
  );
}
