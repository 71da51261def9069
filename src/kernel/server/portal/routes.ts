/**
 * The portal's two reads that span modules: the home page's headline figures (every module's
 * `headlines`) and the search over all public content (every module's `publicSearch`). Both loop
 * over the manifests and know no module by name; both are public and cached like open data.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Kernel } from '../module.ts';
import { jsonBody, PublicCache, sendPublic } from '../open-data/public-cache.ts';
import { normaliseQuery } from '../search.ts';

const bilingual = z.object({ ko: z.string(), en: z.string() });

const headlineSchema = z.object({
  module: z.string(),
  id: z.string(),
  label: bilingual,
  value: z.number(),
  unit: bilingual.nullable(),
  asOf: z.string().nullable(),
  path: z.string().nullable(),
});
const homeSchema = z.object({ headlines: z.array(headlineSchema) });

const hitSchema = z.object({
  recordType: z.string(),
  title: bilingual,
  summary: bilingual.nullable(),
  path: z.string(),
});
const searchSchema = z.object({
  query: z.string(),
  total: z.number().int(),
  /** One group per module that found something, in the modules' order. */
  groups: z.array(z.object({ module: z.string(), hits: z.array(hitSchema) })),
});

/** Each module's hits are capped: a search page is for finding, and every group stays short. */
const hitsPerModule = 20;

const tags = ['portal'];

export function portalRoutes(scope: FastifyInstance, { database, modules }: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const cache = new PublicCache();

  app.get(
    '/portal/home',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "The home page's headline figures, read live from every module",
        response: { 200: homeSchema },
      },
    },
    async (request, reply) => {
      const entry = await cache.get('home', async () => {
        const found = [];
        for (const module of modules) {
          for (const headline of (await module.headlines?.(database.db)) ?? []) {
            found.push({ module: module.name, ...headline });
          }
        }
        found.sort((a, b) => a.order - b.order);
        return jsonBody(homeSchema, {
          headlines: found.map((headline) => ({
            module: headline.module,
            id: headline.id,
            label: headline.label,
            value: headline.value,
            unit: headline.unit ?? null,
            asOf: headline.asOf ?? null,
            path: headline.path ?? null,
          })),
        });
      });
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/portal/search',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Search all public content (a substring match: a two-syllable Korean word is found)',
        querystring: z.object({
          q: z.string().transform(normaliseQuery).pipe(z.string().min(2).max(100)),
        }),
        response: { 200: searchSchema },
      },
    },
    async (request, reply) => {
      const query = request.query.q;
      const entry = await cache.get(`search:${query}`, async () => {
        const groups = [];
        for (const module of modules) {
          if (!module.publicSearch) continue;
          const hits = await module.publicSearch(database.db, query, hitsPerModule);
          if (hits.length === 0) continue;
          groups.push({
            module: module.name,
            hits: hits.map((hit) => ({
              recordType: hit.recordType,
              title: hit.title,
              summary: hit.summary ?? null,
              path: hit.path,
            })),
          });
        }
        const total = groups.reduce((sum, group) => sum + group.hits.length, 0);
        return jsonBody(searchSchema, { query, total, groups });
      });
      return sendPublic(request, reply, entry);
    },
  );
}
