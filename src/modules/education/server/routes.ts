/**
 * The education API. Public: the overview (Table 3, participants per year and group, coverage, public
 * programmes) and a public programme's page. Staff: every programme, recording sessions, importing an
 * attendance sheet (CSV or .xlsx as the raw body) and the population of a year.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access } from '../../../kernel/server/access.ts';
import { callerOf } from '../../../kernel/server/command.ts';
import { AppError } from '../../../kernel/server/errors.ts';
import type { Kernel } from '../../../kernel/server/module.ts';
import { jsonBody, PublicCache, sendPublic } from '../../../kernel/server/open-data/public-cache.ts';
import { xlsxContentType } from '../../../kernel/server/spreadsheet.ts';
import {
  coverageYearSchema,
  importResultSchema,
  overviewSchema,
  populationInputSchema,
  programmeDetailSchema,
  programmeInputSchema,
  programmeUpdateSchema,
  sessionInputSchema,
  staffProgrammeListSchema,
} from '../contract.ts';
import { importAttendance } from './commands/import-attendance.ts';
import { recordSessions } from './commands/record-sessions.ts';
import { createProgramme, updateProgramme } from './commands/save-programme.ts';
import { setPopulation } from './commands/set-population.ts';
import {
  coverageByYear,
  coverageOfYear,
  listGroups,
  listProgrammes,
  overview,
  programmeDetail,
} from './queries.ts';

const tags = ['education'];
const office: Access = { roles: ['admin', 'officer'] };
const staffReaders: Access = { roles: ['admin', 'officer', 'committee'] };
const idParams = z.strictObject({ id: z.uuid() });
const yearParams = z.strictObject({ year: z.coerce.number().int().min(1900).max(2100) });
const csvTypes = ['text/csv', 'application/csv'];
const maxSheetBytes = 5 * 1024 * 1024;

/** An uploaded sheet, wrapped so that no hook takes the bytes for a JSON body. */
class SheetUpload {
  constructor(
    readonly data: Buffer,
    readonly format: 'csv' | 'xlsx',
  ) {}
}

export function educationRoutes(scope: FastifyInstance, kernel: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db } = kernel.database;
  const cache = new PublicCache();

  app.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.config.access !== 'public') reply.header('cache-control', 'no-store');
  });
  app.addContentTypeParser(
    [...csvTypes, xlsxContentType],
    { parseAs: 'buffer', bodyLimit: maxSheetBytes },
    (request, body, done) => {
      const type = request.headers['content-type'] ?? '';
      done(null, new SheetUpload(body as Buffer, type.startsWith(xlsxContentType) ? 'xlsx' : 'csv'));
    },
  );

  app.get(
    '/education',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Human rights education: Table 3, participants per year and group, coverage per year, public programmes',
        response: { 200: overviewSchema },
      },
    },
    async (request, reply) => {
      const entry = await cache.get('overview', async () => jsonBody(overviewSchema, await overview(db)));
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/education/programmes/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A public programme with its sessions (dates, places, participants)',
        params: idParams,
        response: { 200: programmeDetailSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const entry = await cache.get(`programme:${id}`, async () =>
        jsonBody(programmeDetailSchema, await programmeDetail(db, id, false)),
      );
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/education/staff/programmes',
    {
      config: { access: staffReaders },
      schema: {
        tags,
        summary: 'Every programme, public or not, with the groups and coverage per year',
        response: { 200: staffProgrammeListSchema },
      },
    },
    async () => ({
      groups: await listGroups(db),
      programmes: await listProgrammes(db, false),
      coverage: await coverageByYear(db),
    }),
  );

  app.get(
    '/education/staff/programmes/:id',
    {
      config: { access: staffReaders },
      schema: {
        tags,
        summary: 'A programme with its tags and every session, instructors included',
        params: idParams,
        response: { 200: programmeDetailSchema },
      },
    },
    async (request) => programmeDetail(db, request.params.id, true),
  );

  app.post(
    '/education/programmes',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Create a programme for one of the target groups of Table 3',
        body: programmeInputSchema,
        response: { 201: programmeDetailSchema },
      },
    },
    async (request, reply) => {
      const id = await createProgramme(db, callerOf(request).actor, request.body);
      return reply.code(201).send(await programmeDetail(db, id, true));
    },
  );

  app.put(
    '/education/programmes/:id',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Edit a programme (send the version you read; 409 if it changed meanwhile)',
        params: idParams,
        body: programmeUpdateSchema,
        response: { 200: programmeDetailSchema },
      },
    },
    async (request) => {
      await updateProgramme(db, callerOf(request).actor, request.params.id, request.body);
      return programmeDetail(db, request.params.id, true);
    },
  );

  app.post(
    '/education/programmes/:id/sessions',
    {
      config: { access: office },
      schema: {
        tags,
        summary: 'Record a session of a programme (date, place, instructor, participants)',
        params: idParams,
        body: sessionInputSchema,
        response: { 201: programmeDetailSchema },
      },
    },
    async (request, reply) => {
      await recordSessions(db, callerOf(request).actor, request.params.id, [request.body], 'form');
      return reply.code(201).send(await programmeDetail(db, request.params.id, true));
    },
  );

  app.post(
    '/education/programmes/:id/attendance',
    {
      config: { access: office },
      schema: {
        tags,
        summary: "Import a programme's attendance sheet (text/csv in UTF-8 or CP949, or an .xlsx workbook)",
        description:
          'One row per session: date, place, instructor, participants (English or Korean column names). Any bad row imports nothing; the problem names each row and column as sheet.<row>.<column>.',
        params: idParams,
        response: { 200: importResultSchema },
      },
    },
    async (request) => {
      if (!(request.body instanceof SheetUpload)) throw new AppError('unsupported_media_type', 415);
      return importAttendance(
        db,
        callerOf(request).actor,
        request.params.id,
        request.body.data,
        request.body.format,
      );
    },
  );

  app.put(
    '/education/population/:year',
    {
      config: { access: office },
      schema: {
        tags,
        summary:
          "Record a year's population, the denominator of coverage (version 0 for a year without one; 409 if it changed meanwhile); answers the year's coverage with the new version",
        params: yearParams,
        body: populationInputSchema,
        response: { 200: coverageYearSchema },
      },
    },
    async (request) => {
      const { year } = request.params;
      await setPopulation(db, callerOf(request).actor, year, request.body);
      return coverageOfYear(db, year);
    },
  );
}
