/**
 * "The city in figures": every figure the seed document states (`figures.csv`), with its source
 * section, the document's own words and a note on approximations and discrepancies, so the portal can
 * show each figure with where it comes from.
 */
import { z } from 'zod';
import type { Bilingual } from '../../shared/language.ts';
import type { Db } from '../db.ts';
import { AppError } from '../errors.ts';
import type { SeedContext } from '../module.ts';
import { type TagInput, vocabularyIds } from '../vocabularies/contract.ts';
import { setTags } from '../vocabularies/tags.ts';
import {
  integer,
  matching,
  number,
  oneOf,
  optional,
  type RowOrigin,
  readCsv,
  rowError,
  text,
} from './dataset-files.ts';
import { seedDb, seedTrx } from './tables.ts';

export const figureSchema = z.object({
  id: z.string(),
  /** `Preamble`, a section number (`2.6`), or a table (`Table 4`) of the seed document. */
  section: z.string(),
  /** The year the figure refers to, when the document gives one. */
  year: z.number().int().nullable(),
  value: z.number(),
  /** persons, count, percent, usd, years, days or ordinal. */
  unit: z.string(),
  label: z.object({ ko: z.string(), en: z.string() }),
  /** The document's words that state the figure. */
  quote: z.string(),
  /** In English, as in the dataset: approximations, discrepancies in the source. */
  note: z.string().nullable(),
});

export const figureListSchema = z.object({ figures: z.array(figureSchema) });

const figureId = matching(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id');

export async function listFigures(db: Db, section?: string): Promise<z.infer<typeof figureSchema>[]> {
  let query = seedDb(db).selectFrom('seed_figures').selectAll().orderBy('sort_order');
  if (section !== undefined) query = query.where('section', '=', section);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    section: row.section,
    year: row.year,
    value: row.value,
    unit: row.unit,
    label: { ko: row.label_ko, en: row.label_en },
    quote: row.quote,
    note: row.note,
  }));
}

/** Sample tags (`--demo`): figures tagged with sample terms, so that a term's page shows records. */
async function tagSampleFigures(context: SeedContext, labels: Map<string, Bilingual>): Promise<void> {
  const rows = await readCsv(context, 'demo/figure-tags.csv', {
    figure_id: figureId,
    vocabulary: oneOf(vocabularyIds),
    code: text,
  });
  const byFigure = new Map<string, { origin: RowOrigin; label: Bilingual; tags: TagInput[] }>();
  for (const row of rows) {
    const label = labels.get(row.figure_id);
    if (!label) throw rowError(row.origin, `column "figure_id": no figure "${row.figure_id}"`);
    const figure = byFigure.get(row.figure_id) ?? { origin: row.origin, label, tags: [] };
    figure.tags.push({ vocabulary: row.vocabulary, code: row.code });
    byFigure.set(row.figure_id, figure);
  }
  for (const [id, { origin, label, tags }] of byFigure) {
    const record = {
      module: 'seed',
      recordType: 'figure',
      recordId: id,
      isPublic: true,
      isSample: true,
      // The tag is a sample, the figure is not: the title says so wherever the tag is listed.
      title: { ko: `[예시] ${label.ko}`, en: `[Sample] ${label.en}` },
      path: `/figures#${id}`,
    };
    await setTags(context.trx, record, tags).catch((error: unknown) => {
      if (!(error instanceof AppError)) throw error;
      const message = error.details.errors?.[0]?.message;
      throw rowError(origin, typeof message === 'object' ? message.en : error.code);
    });
  }
}

export async function seedFigures(context: SeedContext): Promise<void> {
  const rows = await readCsv(
    context,
    'figures.csv',
    {
      id: figureId,
      section: text,
      year: optional(integer),
      value: number,
      unit: text,
      label_en: text,
      label_ko: text,
      quote: text,
      note: optional(text),
    },
    { key: 'id' },
  );
  if (rows.length > 0) {
    await seedTrx(context.trx)
      .insertInto('seed_figures')
      .values(
        rows.map((row, index) => ({
          id: row.id,
          section: row.section,
          year: row.year,
          value: row.value,
          unit: row.unit,
          label_ko: row.label_ko,
          label_en: row.label_en,
          quote: row.quote,
          note: row.note,
          sort_order: index + 1,
        })),
      )
      .execute();
  }
  if (context.demo) {
    await tagSampleFigures(
      context,
      new Map(rows.map((row) => [row.id, { ko: row.label_ko, en: row.label_en }])),
    );
  }
}
