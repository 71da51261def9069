/** Reads of the catalogue and of observations, shared by routes, commands and open data. */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';
import { notFound } from '../../../kernel/server/errors.ts';
import { listTags } from '../../../kernel/server/vocabularies/tags.ts';
import {
  type Area,
  type Indicator,
  type IndicatorDetail,
  type IndicatorSummary,
  type Observation,
  type Overview,
  type ProgressStatus,
  progressStatuses,
} from '../contract.ts';
import { correctionsOf, publishedActionsOf } from './commands/publication.ts';
import { progressMethod, progressStatus, type YearValue } from './progress.ts';
import { type IndicatorRow, type IndicatorsTables, indicatorsDb } from './tables.ts';

type Reader = Kysely<IndicatorsTables> | Transaction<IndicatorsTables>;
type Selected<T> = { [K in keyof T]: T[K] extends { __select__: infer S } ? S : T[K] };
export type StoredIndicator = Selected<IndicatorRow> & {
  id: number;
  version: number;
  disaggregations: string[];
};

export const indicatorRecord = (code: string) => ({
  module: 'indicators',
  recordType: 'indicator',
  recordId: code,
});

export async function loadIndicator(reader: Reader, code: string, options: { forUpdate?: boolean } = {}) {
  let query = reader.selectFrom('indicators_indicators').selectAll().where('code', '=', code);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound();
  return row as StoredIndicator;
}

/**
 * Whether observation `o`'s year is public: a year whose cycle is not closed keeps its values
 * internal (entered, checked, assessed) until closing publishes them; a year without a cycle (history
 * imported as it was published) is public.
 */
export const publishedYear = (alias = 'o') =>
  sql<boolean>`not exists (select 1 from indicators_cycles pc where pc.year = ${sql.ref(`${alias}.year`)} and pc.step <> 'closed')`;

/**
 * The latest current value of each indicator's headline series: the breakdown without
 * disaggregation or geo code (the first one, when several series or units have one).
 */
export async function headlineLatest(
  reader: Reader,
  indicatorIds: number[],
  /** Only years before this one (last year's results, for a cycle's proposal). */
  beforeYear = 10000,
  /** Only published years (public reads): see `publishedYear`. */
  options: { publishedOnly?: boolean } = {},
): Promise<Map<number, YearValue>> {
  if (indicatorIds.length === 0) return new Map();
  const { rows } = await sql<{ indicator_id: number; year: number; value: number }>`
    select distinct on (o.indicator_id) o.indicator_id, o.year, o.value::float8 as value
    from indicators_observations o
    join indicators_breakdowns b on b.id = o.breakdown_id
    where o.superseded_at is null and b.dimensions = '{}'::jsonb and b.geo_code is null
      and o.indicator_id in (${sql.join(indicatorIds)}) and o.year < ${beforeYear}
      and (${!options.publishedOnly} or ${publishedYear()})
    order by o.indicator_id, b.id, o.year desc`.execute(reader);
  return new Map(rows.map((row) => [row.indicator_id, { year: row.year, value: Number(row.value) }]));
}

const pair = (year: number | null, value: number | null): YearValue | null =>
  year === null || value === null ? null : { year, value };

export function progressOf(row: StoredIndicator, latest: YearValue | undefined) {
  const input = {
    baseline: pair(row.baseline_year, row.baseline_value),
    target: pair(row.target_year, row.target_value),
    latest: latest ?? null,
    direction: row.direction,
  };
  return { ...input, ...progressStatus(input) };
}

function summary(row: StoredIndicator, progress: ProgressStatus): IndicatorSummary {
  return {
    code: row.code,
    areaCode: row.area_code,
    name: { ko: row.name_ko, en: row.name_en },
    ohchrType: row.ohchr_type,
    kind: row.kind,
    status: row.status,
    responsibleDepartment: row.responsible_department,
    progress,
  };
}

export function presentIndicator(
  row: StoredIndicator,
  progress: ProgressStatus,
  tags: Indicator['tags'],
): Indicator {
  return {
    ...summary(row, progress),
    task: row.task,
    unit: row.unit,
    numerator: row.numerator,
    denominator: row.denominator,
    direction: row.direction,
    dataSource: row.data_source,
    periodicity: row.periodicity,
    baseline: pair(row.baseline_year, row.baseline_value),
    target: pair(row.target_year, row.target_value),
    minValue: row.min_value,
    maxValue: row.max_value,
    changeThresholdPercent: row.change_threshold_percent,
    tags,
    disaggregations: row.disaggregations,
    sourceSection: row.source_section,
    version: row.version,
  };
}

const byCode = (a: { code: string }, b: { code: string }) => {
  const [a1 = 0, a2 = 0] = a.code.split('-').map(Number);
  const [b1 = 0, b2 = 0] = b.code.split('-').map(Number);
  return a1 - b1 || a2 - b2;
};

export async function listIndicators(db: Db): Promise<{ row: StoredIndicator; progress: ProgressStatus }[]> {
  const ind = indicatorsDb(db);
  const rows = (await ind.selectFrom('indicators_indicators').selectAll().execute()) as StoredIndicator[];
  // Progress is public (the overview): it is measured on published years only.
  const latest = await headlineLatest(
    ind,
    rows.map((row) => row.id),
    10000,
    { publishedOnly: true },
  );
  return rows.sort(byCode).map((row) => ({ row, progress: progressOf(row, latest.get(row.id)).status }));
}

export async function overview(db: Db): Promise<Overview> {
  const ind = indicatorsDb(db);
  const areas = await ind.selectFrom('indicators_areas').selectAll().orderBy('number').execute();
  const indicators = await listIndicators(db);
  const figures = await ind
    .selectFrom('indicators_set_figures as s')
    .innerJoin('seed_figures as f', 'f.id', 's.figure_id')
    .select(['s.key', 'f.value', 'f.quote', 'f.section', 'f.year'])
    .execute();
  const figure = (key: string) => {
    const found = figures.find((row) => row.key === key);
    return found
      ? { value: Number(found.value), quote: found.quote, section: found.section, year: found.year }
      : null;
  };
  return {
    areas: areas.map((area): Area => {
      const mine = indicators.filter(({ row }) => row.area_code === area.code);
      const progressCounts = Object.fromEntries(progressStatuses.map((status) => [status, 0])) as Record<
        ProgressStatus,
        number
      >;
      for (const { progress } of mine) progressCounts[progress]++;
      return {
        code: area.code,
        number: area.number,
        name: { ko: area.name_ko, en: area.name_en },
        statedIndicatorCount: area.stated_count,
        namedIndicatorCount: mine.length,
        statusCounts: {
          achieved: mine.filter(({ row }) => row.status === 'achieved').length,
          beingPursued: mine.filter(({ row }) => row.status === 'being_pursued').length,
          unknown: mine.filter(({ row }) => row.status === null).length,
        },
        progressCounts,
        indicators: mine.map(({ row, progress }) => summary(row, progress)),
        sourceSection: area.source_section,
      };
    }),
    wholeSet: {
      indicators: figure('indicators'),
      areas: figure('areas'),
      tasks: figure('tasks'),
      achieved: figure('achieved'),
      beingPursued: figure('being_pursued'),
    },
  };
}

export async function indicatorDetail(db: Db, code: string, apiPrefix: string): Promise<IndicatorDetail> {
  const ind = indicatorsDb(db);
  const row = await loadIndicator(ind, code);
  const area = await ind
    .selectFrom('indicators_areas')
    .selectAll()
    .where('code', '=', row.area_code)
    .executeTakeFirstOrThrow();
  const latest = await headlineLatest(ind, [row.id], 10000, { publishedOnly: true });
  const progress = progressOf(row, latest.get(row.id));
  const breakdowns = await ind
    .selectFrom('indicators_breakdowns')
    .select(['series', 'unit', 'geo_code', 'dimensions'])
    .where('indicator_id', '=', row.id)
    .execute();
  const dimensionValues: Record<string, Set<string>> = {};
  for (const breakdown of breakdowns) {
    for (const [column, value] of Object.entries(breakdown.dimensions)) {
      const values = dimensionValues[column] ?? new Set<string>();
      values.add(value);
      dimensionValues[column] = values;
    }
  }
  const distinct = (values: (string | null)[]) =>
    [...new Set(values.filter((value): value is string => value !== null))].sort();
  const { rows: years } = await sql<{ year: number }>`
    select distinct o.year
    from indicators_observations o
    where o.indicator_id = ${row.id} and o.superseded_at is null and ${publishedYear()}
    order by year`.execute(ind);
  return {
    indicator: presentIndicator(row, progress.status, await listTags(db, indicatorRecord(code))),
    area: { code: area.code, number: area.number, name: { ko: area.name_ko, en: area.name_en } },
    progress: {
      status: progress.status,
      baseline: progress.baseline,
      target: progress.target,
      latest: progress.latest,
      direction: progress.direction,
      measure: progress.measure,
    },
    progressMethod: {
      text: progressMethod.text,
      statuses: progressMethod.statuses.map((entry) => ({ ...entry })),
    },
    dimensionValues: Object.fromEntries(
      Object.entries(dimensionValues).map(([column, values]) => [column, [...values].sort()]),
    ),
    series: distinct(breakdowns.map((b) => b.series)),
    units: distinct(breakdowns.map((b) => b.unit)),
    geoCodes: distinct(breakdowns.map((b) => b.geo_code)),
    years: years.map((entry) => entry.year),
    downloads: {
      csv: `${apiPrefix}/indicators/${code}/observations.csv`,
      json: `${apiPrefix}/indicators/${code}/observations.json`,
    },
    corrections: (await correctionsOf(ind, row.id)).map(({ breakdownId: _, ...correction }) => correction),
    publishedActions: await publishedActionsOf(ind, row.id),
  };
}

export interface ObservationFilter {
  fromYear?: number | undefined;
  toYear?: number | undefined;
  series?: string | undefined;
  unit?: string | undefined;
  geoCode?: string | undefined;
  /** Column → value; an empty value asks for the total over that column. */
  dimensions?: Record<string, string>;
}

/**
 * Current published observations of one indicator (public reads: a year whose cycle is open stays
 * internal), ordered by year then breakdown, `limit` at most.
 */
export async function listObservations(
  db: Db,
  indicatorId: number,
  filter: ObservationFilter,
  limit: number,
): Promise<{ observations: Observation[]; truncated: boolean }> {
  let query = indicatorsDb(db)
    .selectFrom('indicators_observations as o')
    .innerJoin('indicators_breakdowns as b', 'b.id', 'o.breakdown_id')
    .select([
      'o.year',
      'b.series',
      'b.unit',
      'b.geo_code',
      'b.dimensions',
      sql<string>`o.value::text`.as('value'),
      'o.version',
    ])
    .where('o.indicator_id', '=', indicatorId)
    .where('o.superseded_at', 'is', null)
    .where(publishedYear());
  if (filter.fromYear !== undefined) query = query.where('o.year', '>=', filter.fromYear);
  if (filter.toYear !== undefined) query = query.where('o.year', '<=', filter.toYear);
  if (filter.series !== undefined) query = query.where('b.series', '=', filter.series);
  if (filter.unit !== undefined) query = query.where('b.unit', '=', filter.unit);
  if (filter.geoCode !== undefined) query = query.where('b.geo_code', '=', filter.geoCode);
  for (const [column, value] of Object.entries(filter.dimensions ?? {})) {
    query =
      value === ''
        ? query.where(sql<boolean>`not (b.dimensions ? ${column})`)
        : query.where(sql<boolean>`b.dimensions ->> ${column} = ${value}`);
  }
  const rows = await query
    .orderBy('o.year')
    .orderBy('b.id')
    .limit(limit + 1)
    .execute();
  return {
    observations: rows.slice(0, limit).map((row) => ({
      year: row.year,
      series: row.series,
      unit: row.unit,
      geoCode: row.geo_code,
      dimensions: row.dimensions,
      value: row.value,
      version: row.version,
    })),
    truncated: rows.length > limit,
  };
}
