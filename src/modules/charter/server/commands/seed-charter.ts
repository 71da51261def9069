/**
 * The charter part of the city's dataset: the declaration (date, and the figures of `figures.csv`
 * that give its Citizens' Day and world rank), the seed's paragraphs about the charter with the
 * project's Korean translation, and the publications the seed names. The first two are the dataset's
 * alone (a reload empties and refills them); publications are matched by code and updated in place,
 * so a reload keeps what staff added (a year, a description, new publications).
 */
import { sql } from 'kysely';
import type { SeedContext } from '../../../../kernel/server/module.ts';
import { integer, matching, readCsv, rowError, text } from '../../../../kernel/server/seed/dataset-files.ts';
import { charterTrx } from '../tables.ts';

const kebab = matching(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id');
const isoDate = matching(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export async function seedCharter(context: SeedContext): Promise<void> {
  const [declaration, ...extra] = await readCsv(context, 'charter-declaration.csv', {
    declared_on: isoDate,
    citizens_day_figure: kebab,
    world_rank_figure: kebab,
    first_in_asia_quote: text,
    declared_quote: text,
    source_section: text,
  });
  if (extra[0]) throw rowError(extra[0].origin, 'the declaration is one row');
  const paragraphs = await readCsv(
    context,
    'charter-text.csv',
    { paragraph: integer, text_en: text, text_ko: text, source_section: text },
    { key: 'paragraph' },
  );
  const publications = await readCsv(
    context,
    'charter-publications.csv',
    { code: kebab, title_ko: text, title_en: text, quote: text, source_section: text },
    { key: 'code' },
  );
  const trx = charterTrx(context.trx);
  if (declaration) {
    const figures = await context.trx
      .withTables<{ seed_figures: { id: string } }>()
      .selectFrom('seed_figures')
      .select('id')
      .where('id', 'in', [declaration.citizens_day_figure, declaration.world_rank_figure])
      .execute();
    if (figures.length !== 2) throw rowError(declaration.origin, 'a figure it names is not in figures.csv');
    const { origin: _origin, ...values } = declaration;
    await trx
      .insertInto('charter_declaration')
      .values({ id: 1, ...values })
      .execute();
  }
  if (paragraphs.length > 0) {
    await trx
      .insertInto('charter_paragraphs')
      .values(paragraphs.map(({ origin: _origin, ...paragraph }) => paragraph))
      .execute();
  }
  if (publications.length > 0) {
    await trx
      .insertInto('charter_publications')
      .values(
        publications.map(({ origin: _origin, ...publication }, index) => ({
          ...publication,
          sort_order: index + 1,
        })),
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          title_ko: sql`excluded.title_ko`,
          title_en: sql`excluded.title_en`,
          quote: sql`excluded.quote`,
          source_section: sql`excluded.source_section`,
          sort_order: sql`excluded.sort_order`,
        }),
      )
      .execute();
  }
}
