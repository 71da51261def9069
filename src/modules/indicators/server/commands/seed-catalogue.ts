/**
 * The indicator catalogue from the city's dataset: the areas of Table 1 with the counts it states,
 * the indicators it names, and which figures describe the whole set. Areas and indicators are matched
 * by code and updated in place, so a reload never loses what staff added to an indicator (its
 * metadata, targets, observations).
 */
import { sql } from 'kysely';
import type { SeedContext } from '../../../../kernel/server/module.ts';
import { integer, matching, readCsv, text } from '../../../../kernel/server/seed/dataset-files.ts';
import { indicatorsTrx } from '../tables.ts';

const kebab = matching(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id');

export async function seedCatalogue(context: SeedContext): Promise<void> {
  const areas = await readCsv(
    context,
    'indicator-areas.csv',
    {
      code: text,
      number: integer,
      name_ko: text,
      name_en: text,
      indicator_count: integer,
      count_figure: kebab,
      source_section: text,
    },
    { key: 'code' },
  );
  const indicators = await readCsv(
    context,
    'indicators.csv',
    {
      code: matching(/^[1-9]\d*-[1-9]\d*$/, 'an indicator code such as 1-1'),
      area: text,
      name_ko: text,
      name_en: text,
      source_section: text,
    },
    { key: 'code' },
  );
  const setFigures = await readCsv(
    context,
    'indicator-set-figures.csv',
    { key: text, figure_id: kebab },
    { key: 'key' },
  );
  const trx = indicatorsTrx(context.trx);
  if (areas.length > 0) {
    await trx
      .insertInto('indicators_areas')
      .values(
        areas.map((area) => ({
          code: area.code,
          number: area.number,
          name_ko: area.name_ko,
          name_en: area.name_en,
          stated_count: area.indicator_count,
          source_section: area.source_section,
        })),
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          number: sql`excluded.number`,
          name_ko: sql`excluded.name_ko`,
          name_en: sql`excluded.name_en`,
          stated_count: sql`excluded.stated_count`,
          source_section: sql`excluded.source_section`,
        }),
      )
      .execute();
  }
  if (indicators.length > 0) {
    await trx
      .insertInto('indicators_indicators')
      .values(
        indicators.map((indicator) => ({
          code: indicator.code,
          area_code: indicator.area,
          name_ko: indicator.name_ko,
          name_en: indicator.name_en,
          source_section: indicator.source_section,
          ohchr_type: null,
          kind: null,
          status: null,
          task: null,
          unit: null,
          numerator: null,
          denominator: null,
          direction: null,
          data_source: null,
          periodicity: null,
          responsible_department: null,
          baseline_year: null,
          baseline_value: null,
          target_year: null,
          target_value: null,
          min_value: null,
          max_value: null,
          change_threshold_percent: null,
        })),
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          area_code: sql`excluded.area_code`,
          name_ko: sql`excluded.name_ko`,
          name_en: sql`excluded.name_en`,
          source_section: sql`excluded.source_section`,
        }),
      )
      .execute();
  }
  if (setFigures.length > 0) {
    await trx
      .insertInto('indicators_set_figures')
      .values(setFigures.map(({ key, figure_id }) => ({ key, figure_id })))
      .onConflict((oc) => oc.column('key').doUpdateSet({ figure_id: sql`excluded.figure_id` }))
      .execute();
  }
}
