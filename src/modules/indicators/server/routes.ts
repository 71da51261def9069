/**
 * The indicators API. Public: the overview by area, each indicator with its progress and the method,
 * its observations (filtered, or downloaded whole as Open SDG CSV or JSON). Staff: metadata edits and
 * the yearly cycle (the office), data import (the office, or a department for its own indicators).
 *
 * Public answers that fit in memory are cached with ETags; downloads are streamed and not cached.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Access, requireUser } from '../../../kernel/server/access.ts';
import { apiPrefix } from '../../../kernel/server/app.ts';
import { AppError } from '../../../kernel/server/errors.ts';
import { requestLanguage } from '../../../kernel/server/i18n.ts';
import type { Kernel } from '../../../kernel/server/module.ts';
import { jsonBody, PublicCache, sendPublic } from '../../../kernel/server/open-data/public-cache.ts';
import {
  cycleListSchema,
  cycleSchema,
  cycleTransitionSchema,
  importQuerySchema,
  importResultSchema,
  indicatorCodeSchema,
  indicatorDetailSchema,
  indicatorUpdateSchema,
  observationListSchema,
  observationQuerySchema,
  openCycleSchema,
  overviewSchema,
  progressMethodSchema,
} from '../contract.ts';
import { listCycles, openCycle, transitionCycle } from './commands/cycles.ts';
import { exportObservationsJson, exportOpenSdgCsv } from './commands/export-observations.ts';
import { importOpenSdgCsv } from './commands/import-observations.ts';
import { updateIndicator } from './commands/update-indicator.ts';
import { progressMethod } from './progress.ts';
import { indicatorDetail, listObservations, loadIndicator, overview } from './queries.ts';
import { indicatorsDb } from './tables.ts';

const tags = ['indicators'];
const office: Access = { roles: ['admin', 'officer'] };
const dataEntry: Access = { roles: ['admin', 'officer', 'department'] };
const cycleReaders: Access = { roles: ['admin', 'officer', 'department', 'committee'] };
const codeParams = z.strictObject({ code: indicatorCodeSchema });
const yearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
/** An uploaded file larger than this is refused (413) while it streams in. */
const maxUploadBytes = 200 * 1024 * 1024;

/** The raw upload, wrapped so that no hook walks the stream's internals as if it were a JSON body. */
class CsvUpload {
  readonly #stream: Readable;
  constructor(stream: Readable) {
    this.#stream = stream;
  }
  get stream(): Readable {
    return this.#stream;
  }
}

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
  const staff = (request: FastifyRequest) => {
    const user = requireUser(request);
    return { user, actor: { userId: user.id, ip: request.ip } };
  };

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
    done(null, new CsvUpload(payload));
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
      const { user, actor } = staff(request);
      if (!(request.body instanceof CsvUpload)) throw new AppError('unsupported_media_type', 415);
      const result = await importOpenSdgCsv(db, request.params.code, request.body.stream, {
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
      const { actor } = staff(request);
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
    async (request) => ({ cycles: await listCycles(db, staff(request).user) }),
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
      const { user } = staff(request);
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
      const { user } = staff(request);
      return transitionCycle(db, user, request.ip, request.params.year, request.body);
    },
  );
}
