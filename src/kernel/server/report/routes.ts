/**
 * The annual report over HTTP. The HTML is public (it is made of public data only) and cached like
 * open data; the PDF starts a browser, so only staff who publish the report may ask for one.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Kernel } from '../module.ts';
import { PublicCache, sendPublic } from '../open-data/public-cache.ts';
import { buildReport } from './html.ts';
import { ChromiumMissing, printPdf } from './pdf.ts';

const params = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const querystring = z.object({ lang: z.enum(['ko', 'en']).default('ko') });
const tags = ['report'];

// The file carries its own styles inline; nothing else may load or run in it.
const reportPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function reportRoutes(scope: FastifyInstance, { database, modules, config }: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const cache = new PublicCache();

  app.get(
    '/report/:year.html',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "The year's Human Rights City report as HTML, from live data",
        params,
        querystring,
      },
    },
    async (request, reply) => {
      const { year } = request.params;
      const { lang } = request.query;
      const entry = await cache.get(`${year}.${lang}`, async () => ({
        body: await buildReport(database.db, modules, { year, language: lang }),
        contentType: 'text/html; charset=utf-8',
      }));
      reply.header('content-security-policy', reportPolicy);
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/report/:year.pdf',
    {
      config: { access: { roles: ['admin', 'officer'] } },
      schema: {
        tags,
        summary: "The year's Human Rights City report as PDF (printed by Chromium)",
        params,
        querystring,
      },
    },
    async (request, reply) => {
      const { year } = request.params;
      const { lang } = request.query;
      const html = await buildReport(database.db, modules, { year, language: lang });
      let pdf: Buffer;
      try {
        pdf = await printPdf(html, config.CHROMIUM_PATH);
      } catch (error) {
        if (error instanceof ChromiumMissing) throw new AppError('report_chromium_missing', 503);
        throw error;
      }
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="human-rights-city-report-${year}-${lang}.pdf"`)
        .type('application/pdf')
        .send(pdf);
    },
  );
}
