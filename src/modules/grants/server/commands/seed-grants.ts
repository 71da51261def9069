/**
 * The grants part of the city's dataset: the two programmes' published figures
 * (`grants-programmes.csv`) and Table 4 (`grants-neighbourhood-participation.csv`). Every value names
 * the figure of `figures.csv` it reproduces, and the load stops if the two disagree, so the module
 * can never show a number the seed does not state.
 */
import { sql } from 'kysely';
import type { SeedContext } from '../../../../kernel/server/module.ts';
import {
  integer,
  matching,
  oneOf,
  optional,
  type RowOrigin,
  readCsv,
  rowError,
  text,
} from '../../../../kernel/server/seed/dataset-files.ts';
import { grantKinds } from '../../contract.ts';
import { type GrantsTrx, grantsTrx } from '../tables.ts';

const figureId = matching(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case figure id');

/** Checks that `value` is the value of the figure `id` (both given or both blank). */
async function checkFigure(
  trx: GrantsTrx,
  origin: RowOrigin,
  column: string,
  value: number | null,
  id: string | null,
): Promise<void> {
  if ((value === null) !== (id === null)) {
    throw rowError(origin, `column "${column}": a value and its figure id go together (one is blank)`);
  }
  if (value === null || id === null) return;
  const figure = await trx.selectFrom('seed_figures').select('value').where('id', '=', id).executeTakeFirst();
  if (!figure) throw rowError(origin, `column "${column}": figures.csv has no figure "${id}"`);
  if (Number(figure.value) !== value) {
    throw rowError(origin, `column "${column}": ${value} is not the figure "${id}" (${figure.value})`);
  }
}

export async function seedGrants(context: SeedContext): Promise<void> {
  const trx = grantsTrx(context.trx);
  const programmes = await readCsv(
    context,
    'grants-programmes.csv',
    {
      kind: oneOf(grantKinds),
      name_ko: text,
      name_en: text,
      since: integer,
      source_section: text,
      funder: text,
      annual_budget_usd: optional(integer),
      budget_figure: optional(figureId),
      programmes_per_year: optional(integer),
      programmes_figure: optional(figureId),
      budget_unchanged_years: optional(integer),
      unchanged_figure: optional(figureId),
      note: optional(text),
    },
    { key: 'kind' },
  );
  const participation = await readCsv(
    context,
    'grants-neighbourhood-participation.csv',
    {
      year: integer,
      neighbourhoods: integer,
      support_usd: integer,
      neighbourhoods_figure: figureId,
      support_figure: figureId,
      text_neighbourhoods: optional(integer),
      text_figure: optional(figureId),
      note: optional(text),
    },
    { key: 'year' },
  );
  for (const row of programmes) {
    await checkFigure(trx, row.origin, 'annual_budget_usd', row.annual_budget_usd, row.budget_figure);
    await checkFigure(trx, row.origin, 'programmes_per_year', row.programmes_per_year, row.programmes_figure);
    await checkFigure(
      trx,
      row.origin,
      'budget_unchanged_years',
      row.budget_unchanged_years,
      row.unchanged_figure,
    );
    const values = {
      kind: row.kind,
      name_ko: row.name_ko,
      name_en: row.name_en,
      since: row.since,
      source_section: row.source_section,
      funder: row.funder,
      annual_budget_usd: row.annual_budget_usd,
      programmes_per_year: row.programmes_per_year,
      budget_unchanged_years: row.budget_unchanged_years,
      note: row.note,
    };
    await trx
      .insertInto('grants_programmes')
      .values(values)
      .onConflict((oc) => oc.column('kind').doUpdateSet(values))
      .execute();
  }
  for (const row of participation) {
    await checkFigure(trx, row.origin, 'neighbourhoods', row.neighbourhoods, row.neighbourhoods_figure);
    await checkFigure(trx, row.origin, 'support_usd', row.support_usd, row.support_figure);
    await checkFigure(trx, row.origin, 'text_neighbourhoods', row.text_neighbourhoods, row.text_figure);
    await trx
      .insertInto('grants_neighbourhood_participation')
      .values({
        year: row.year,
        neighbourhoods: row.neighbourhoods,
        support_usd: row.support_usd,
        text_neighbourhoods: row.text_neighbourhoods,
        note: row.note,
      })
      .onConflict((oc) =>
        oc.column('year').doUpdateSet({
          neighbourhoods: sql`excluded.neighbourhoods`,
          support_usd: sql`excluded.support_usd`,
          text_neighbourhoods: sql`excluded.text_neighbourhoods`,
          note: sql`excluded.note`,
        }),
      )
      .execute();
  }
}
