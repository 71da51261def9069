/**
 * The open-data catalogue: every dataset that a module's manifest declares (`openData`), listed and
 * downloadable as CSV and JSON. It loops over the manifests and knows no module by name.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiPrefix } from '../app.ts';
import { notFound } from '../errors.ts';
import type { Kernel, OpenDataset } from '../module.ts';
import { toCsv } from './csv.ts';
import { jsonBody, PublicCache, sendPublic } from './public-cache.ts';

const bilingual = z.object({ ko: z.string(), en: z.string() });

const datasetSchema = z.object({
  id: z.string(),
  /** The module that publishes it. */
  module: z.string(),
  title: bilingual,
  description: bilingual,
  source: z.string().nullable(),
  columns: z.array(z.object({ name: z.string(), description: bilingual })),
  downloads: z.object({ csv: z.string(), json: z.string() }),
});

const catalogueSchema = z.object({ datasets: z.array(datasetSchema) });

const datasetFileSchema = datasetSchema.extend({ rows: z.array(z.record(z.string(), z.unknown())) });

const tags = ['open-data'];
const params = z.object({ id: z.string() });

export function openDataRoutes(scope: FastifyInstance, { database, modules }: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const cache = new PublicCache();
  const datasets = new Map<string, { module: string; dataset: OpenDataset }>();
  for (const module of modules) {
    for (const dataset of module.openData ?? []) {
      const other = datasets.get(dataset.id);
      if (other) {
        throw new Error(`Open dataset ${dataset.id} is declared by both ${other.module} and ${module.name}.`);
      }
      datasets.set(dataset.id, { module: module.name, dataset });
    }
  }

  // Listed datasets change with the data, so they are looked up on each (cached) request.
  const all = async () => {
    const found = new Map(datasets);
    for (const module of modules) {
      for (const dataset of (await module.listOpenData?.(database.db)) ?? []) {
        if (!found.has(dataset.id)) found.set(dataset.id, { module: module.name, dataset });
      }
    }
    return found;
  };
  const find = async (id: string) => {
    const found = datasets.get(id) ?? (await all()).get(id);
    if (!found) throw notFound();
    return found;
  };
  const describe = ({ module, dataset }: { module: string; dataset: OpenDataset }) => {
    const { id } = dataset;
    return {
      id,
      module,
      title: dataset.title,
      description: dataset.description,
      source: dataset.source ?? null,
      columns: [...dataset.columns],
      downloads: { csv: `${apiPrefix}/open-data/${id}.csv`, json: `${apiPrefix}/open-data/${id}.json` },
    };
  };

  app.get(
    '/open-data',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The catalogue of open datasets, each downloadable as CSV and JSON',
        response: { 200: catalogueSchema },
      },
    },
    async (request, reply) => {
      const entry = await cache.get('catalogue', async () =>
        jsonBody(catalogueSchema, { datasets: [...(await all()).values()].map(describe) }),
      );
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/open-data/:id.csv',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A dataset as CSV (UTF-8 with a byte-order mark, one header row)',
        params,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { dataset } = await find(id);
      const entry = await cache.get(`${id}.csv`, async () => ({
        body: toCsv(
          dataset.columns.map((column) => column.name),
          await dataset.rows(database.db),
        ),
        contentType: 'text/csv; charset=utf-8',
      }));
      reply.header('content-disposition', `attachment; filename="${id}.csv"`);
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/open-data/:id.json',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A dataset as JSON: its description and its rows',
        params,
        response: { 200: datasetFileSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const found = await find(id);
      const { dataset } = found;
      const description = describe(found);
      const entry = await cache.get(`${id}.json`, async () =>
        jsonBody(datasetFileSchema, { ...description, rows: await dataset.rows(database.db) }),
      );
      return sendPublic(request, reply, entry);
    },
  );
}
