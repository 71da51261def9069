/**
 * The open-data catalogue: every dataset that a module's manifest declares (`openData`), listed with
 * its codebook and last change, and downloadable as CSV, JSON and Excel. It loops over the manifests
 * and knows no module by name.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiPrefix } from '../app.ts';
import { notFound } from '../errors.ts';
import type { Kernel, OpenDataset } from '../module.ts';
import { writeWorkbook, xlsxContentType } from '../spreadsheet.ts';
import { toCsv } from './csv.ts';
import { jsonBody, PublicCache, sendPublic } from './public-cache.ts';
import { lastChanges, recordSnapshot } from './snapshots.ts';

const bilingual = z.object({ ko: z.string(), en: z.string() });

const datasetSchema = z.object({
  id: z.string(),
  /** The module that publishes it. */
  module: z.string(),
  title: bilingual,
  description: bilingual,
  source: z.string().nullable(),
  /** The seed document's table the dataset regenerates, e.g. `Table 3`. */
  seedTable: z.string().nullable(),
  /** When the rows last changed (ISO 8601), or null before they were first computed. */
  updatedAt: z.string().nullable(),
  /** The codebook: what each column means. */
  columns: z.array(z.object({ name: z.string(), description: bilingual })),
  formats: z.array(z.enum(['csv', 'json', 'xlsx'])),
  downloads: z.object({ csv: z.string(), json: z.string(), xlsx: z.string() }),
  /** The dataset's page in the web app (its codebook and a preview). */
  page: z.string(),
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
  const describe = ({ module, dataset }: { module: string; dataset: OpenDataset }, updatedAt?: Date) => {
    const { id } = dataset;
    const download = `${apiPrefix}/open-data/${id}`;
    return {
      id,
      module,
      title: dataset.title,
      description: dataset.description,
      source: dataset.source ?? null,
      seedTable: dataset.seedTable ?? null,
      updatedAt: updatedAt?.toISOString() ?? null,
      columns: [...dataset.columns],
      formats: ['csv' as const, 'json' as const, 'xlsx' as const],
      downloads: { csv: `${download}.csv`, json: `${download}.json`, xlsx: `${download}.xlsx` },
      page: `/open-data/${id}`,
    };
  };
  /** A dataset's rows, its last change recorded on the way. */
  const rowsOf = async (dataset: OpenDataset) => {
    const rows = await dataset.rows(database.db);
    return { rows, updatedAt: await recordSnapshot(database.db, dataset.id, rows) };
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
      const entry = await cache.get('catalogue', async () => {
        // The declared datasets are small tables, so listing them checks them for changes; a listed
        // dataset (one per indicator, any size) shows the change seen when it was last downloaded.
        for (const { dataset } of datasets.values()) await rowsOf(dataset);
        const changes = await lastChanges(database.db);
        const described = [...(await all()).values()].map((found) =>
          describe(found, changes.get(found.dataset.id)),
        );
        return jsonBody(catalogueSchema, { datasets: described });
      });
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
          (await rowsOf(dataset)).rows,
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
      const entry = await cache.get(`${id}.json`, async () => {
        const { rows, updatedAt } = await rowsOf(found.dataset);
        return jsonBody(datasetFileSchema, { ...describe(found, updatedAt), rows });
      });
      return sendPublic(request, reply, entry);
    },
  );

  app.get(
    '/open-data/:id.xlsx',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A dataset as an Excel workbook: a sheet of rows and a sheet of the codebook',
        params,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { dataset } = await find(id);
      const entry = await cache.get(`${id}.xlsx`, async () => {
        const { rows } = await rowsOf(dataset);
        const body = writeWorkbook([
          { name: 'data', columns: dataset.columns.map((column) => column.name), rows },
          {
            name: 'codebook',
            columns: ['column', 'description_ko', 'description_en'],
            rows: dataset.columns.map((column) => ({
              column: column.name,
              description_ko: column.description.ko,
              description_en: column.description.en,
            })),
          },
        ]);
        return { body, contentType: xlsxContentType };
      });
      reply.header('content-disposition', `attachment; filename="${id}.xlsx"`);
      return sendPublic(request, reply, entry);
    },
  );
}
