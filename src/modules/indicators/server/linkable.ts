/**
 * The indicators other modules may link to (a recommendation to the indicator that measures it),
 * declared in the manifest as `linkable.indicator`: what exists, and the indicator's published
 * headline values by year for their timelines. Only published years (`publishedYear`): a year whose
 * cycle still runs keeps its values internal, for staff timelines too, since nobody has checked them.
 */
import { sql } from 'kysely';
import type { LinkableRecords } from '../../../kernel/server/module.ts';
import { indicatorPath } from '../web/paths.ts';
import { publishedYear } from './queries.ts';
import { indicatorsDb } from './tables.ts';

export const linkableIndicators: LinkableRecords = {
  async find(db, ids) {
    if (ids.length === 0) return [];
    const rows = await indicatorsDb(db)
      .selectFrom('indicators_indicators')
      .select(['code', 'name_ko', 'name_en'])
      .where('code', 'in', [...ids])
      .execute();
    return rows.map((row) => ({
      id: row.code,
      title: { ko: `${row.code} ${row.name_ko}`, en: `${row.code} ${row.name_en}` },
      path: indicatorPath(row.code),
      isPublic: true,
    }));
  },
  async events(db, id, since) {
    const indicator = await indicatorsDb(db)
      .selectFrom('indicators_indicators')
      .select(['id', 'code', 'unit'])
      .where('code', '=', id)
      .executeTakeFirst();
    if (!indicator) return [];
    const fromYear = since === null ? 0 : Number(since.slice(0, 4));
    // The headline series (no disaggregation, no geo code; the first breakdown when several).
    const { rows } = await sql<{ year: number; value: number }>`
      select distinct on (o.year) o.year, o.value::float8 as value
      from indicators_observations o
      join indicators_breakdowns b on b.id = o.breakdown_id
      where o.indicator_id = ${indicator.id} and o.superseded_at is null
        and b.dimensions = '{}'::jsonb and b.geo_code is null
        and o.year >= ${fromYear} and ${publishedYear()}
      order by o.year, b.id`.execute(db);
    const unit = indicator.unit;
    return rows.map((row) => ({
      date: String(row.year),
      kind: 'value',
      label: {
        ko: `${indicator.code} ${row.year}년 값: ${Number(row.value)}${unit ? ` ${unit.ko}` : ''}`,
        en: `${indicator.code} value for ${row.year}: ${Number(row.value)}${unit ? ` ${unit.en}` : ''}`,
      },
      isPublic: true,
    }));
  },
};
