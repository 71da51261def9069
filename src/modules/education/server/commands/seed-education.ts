/**
 * The education part of the city's dataset: the target groups of Table 3 with their types of class,
 * the participants the seed reports by year and group (Table 3), each year's total and stated rate,
 * and the population the rate is computed against. Every number must be the value of the figure it
 * names in `figures.csv` (already loaded by the seed module), and a year's groups must add up to its
 * total: a dataset that disagrees with itself stops the load, naming the file and line.
 */
import { sql } from 'kysely';
import type { SeedContext } from '../../../../kernel/server/module.ts';
import {
  integer,
  matching,
  number,
  optional,
  type RowOrigin,
  readCsv,
  rowError,
  text,
} from '../../../../kernel/server/seed/dataset-files.ts';
import { educationTrx } from '../tables.ts';

const kebab = matching(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id');

export async function seedEducation(context: SeedContext): Promise<void> {
  const groups = await readCsv(
    context,
    'education-groups.csv',
    {
      code: kebab,
      name_ko: text,
      name_en: text,
      class_types_ko: text,
      class_types_en: text,
      source_section: text,
      note: optional(text),
    },
    { key: 'code' },
  );
  const reported = await readCsv(context, 'education-participants.csv', {
    year: integer,
    group: kebab,
    participants: integer,
    figure_id: kebab,
    source_section: text,
    note: optional(text),
  });
  const years = await readCsv(
    context,
    'education-coverage.csv',
    {
      year: integer,
      participants: integer,
      participants_figure: kebab,
      population: optional(integer),
      population_figure: optional(kebab),
      stated_rate: optional(number),
      stated_rate_figure: optional(kebab),
      note: optional(text),
    },
    { key: 'year' },
  );
  const trx = educationTrx(context.trx);
  const figures = new Map(
    (await trx.selectFrom('seed_figures').select(['id', 'value']).execute()).map((row) => [
      row.id,
      row.value,
    ]),
  );
  const checkFigure = (origin: RowOrigin, column: string, id: string | null, value: number | null) => {
    if (id === null && value === null) return;
    if (id === null || value === null) {
      throw rowError(origin, `column "${column}": a value and its figure go together`);
    }
    const stated = figures.get(id);
    if (stated === undefined) throw rowError(origin, `column "${column}": no figure "${id}" in figures.csv`);
    if (stated !== value) {
      throw rowError(origin, `column "${column}": ${value} differs from figure "${id}" (${stated})`);
    }
  };
  const groupCodes = new Set(groups.map((group) => group.code));
  const seen = new Set<string>();
  for (const row of reported) {
    if (!groupCodes.has(row.group)) throw rowError(row.origin, `column "group": no group "${row.group}"`);
    const key = `${row.year}/${row.group}`;
    if (seen.has(key)) throw rowError(row.origin, `year ${row.year} and group "${row.group}" repeat`);
    seen.add(key);
    checkFigure(row.origin, 'participants', row.figure_id, row.participants);
  }
  for (const year of years) {
    checkFigure(year.origin, 'participants', year.participants_figure, year.participants);
    checkFigure(year.origin, 'population', year.population_figure, year.population);
    checkFigure(year.origin, 'stated_rate', year.stated_rate_figure, year.stated_rate);
    const groupRows = reported.filter((row) => row.year === year.year);
    const sum = groupRows.reduce((total, row) => total + row.participants, 0);
    if (groupRows.length > 0 && sum !== year.participants) {
      throw rowError(year.origin, `the groups of ${year.year} add up to ${sum}, not ${year.participants}`);
    }
  }

  if (groups.length > 0) {
    await trx
      .insertInto('education_groups')
      .values(
        groups.map((group, index) => ({
          code: group.code,
          sort_order: index + 1,
          name_ko: group.name_ko,
          name_en: group.name_en,
          class_types_ko: group.class_types_ko,
          class_types_en: group.class_types_en,
          source_section: group.source_section,
        })),
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          sort_order: sql`excluded.sort_order`,
          name_ko: sql`excluded.name_ko`,
          name_en: sql`excluded.name_en`,
          class_types_ko: sql`excluded.class_types_ko`,
          class_types_en: sql`excluded.class_types_en`,
          source_section: sql`excluded.source_section`,
        }),
      )
      .execute();
  }
  if (reported.length > 0) {
    await trx
      .insertInto('education_reported_participants')
      .values(
        reported.map((row) => ({
          year: row.year,
          group_code: row.group,
          participants: row.participants,
          figure_id: row.figure_id,
          source_section: row.source_section,
          note: row.note,
        })),
      )
      .execute();
  }
  if (years.length > 0) {
    await trx
      .insertInto('education_reported_years')
      .values(
        years.map((year) => ({
          year: year.year,
          participants: year.participants,
          participants_figure: year.participants_figure,
          stated_rate: year.stated_rate,
          stated_rate_figure: year.stated_rate_figure,
          note: year.note,
        })),
      )
      .execute();
  }
  const populations = years.flatMap((year) =>
    year.population === null
      ? []
      : [{ year: year.year, population: year.population, figure_id: year.population_figure }],
  );
  if (populations.length > 0) {
    // The dataset's population is the seed's figure: a reload puts it back over a staff edit of that year.
    await trx
      .insertInto('education_population')
      .values(populations)
      .onConflict((oc) =>
        oc.column('year').doUpdateSet({
          population: sql`excluded.population`,
          figure_id: sql`excluded.figure_id`,
          version: sql`education_population.version + 1`,
          updated_at: sql`now()`,
        }),
      )
      .execute();
  }
}
