/**
 * Step (2) of the cycle by form: a department enters its indicators' values for a year, the total and
 * any disaggregation (district, sex, age group …), each sent with the version it read (0 for a new
 * value; a stale one is a 409 `conflict`). The rules, each reported on its field in both languages:
 * a value is required; it must lie in the indicator's range; and a change from the same breakdown's
 * value the year before beyond the indicator's threshold (30 % unless the indicator sets its own)
 * needs a comment saying why. Who may write, and until when, is the import's rule
 * (`checkYearWritable`): a closed year refuses everything.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, type FieldError } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { CycleStep, EntryRow, ValueEntry, ValueEntryUpdate } from '../../contract.ts';
import { requireDataEntry } from '../policy.ts';
import { loadIndicator, type StoredIndicator } from '../queries.ts';
import {
  type IndicatorsDb,
  type IndicatorsTrx,
  indicatorsDb,
  indicatorsTrx,
  savedByName,
} from '../tables.ts';
import {
  breakdownId,
  breakdownKey,
  checkYearWritable,
  cycleSteps,
  mergeDisaggregations,
} from './observations.ts';

export const defaultChangeThresholdPercent = 30;

const thresholdOf = (indicator: StoredIndicator) =>
  indicator.change_threshold_percent ?? defaultChangeThresholdPercent;

/** The indicator's current values (no geo code) of `year` and the year before, by breakdown key. */
async function valuesAround(reader: IndicatorsDb | IndicatorsTrx, indicatorId: number, year: number) {
  const rows = await reader
    .selectFrom('indicators_observations as o')
    .innerJoin('indicators_breakdowns as b', 'b.id', 'o.breakdown_id')
    .select(['b.key', 'b.series', 'b.unit', 'b.dimensions', 'o.year', 'o.value', 'o.comment', 'o.version'])
    .select(['o.recorded_at', savedByName('o.recorded_by').as('recorded_by_name')])
    .where('o.indicator_id', '=', indicatorId)
    .where('o.year', 'in', [year, year - 1])
    .where('o.superseded_at', 'is', null)
    .where('b.geo_code', 'is', null)
    .orderBy('b.id')
    .execute();
  return {
    current: new Map(rows.filter((row) => row.year === year).map((row) => [row.key, row])),
    previous: new Map(rows.filter((row) => row.year === year - 1).map((row) => [row.key, row])),
    breakdowns: rows,
  };
}

function isWritable(steps: Map<number, CycleStep>, year: number, user: SessionUser) {
  try {
    checkYearWritable(steps, year, user);
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

export async function readValueEntry(
  db: Db,
  user: SessionUser,
  code: string,
  year: number,
): Promise<ValueEntry> {
  const reader = indicatorsDb(db);
  const indicator = await loadIndicator(reader, code);
  requireDataEntry(user, indicator);
  const { current, previous, breakdowns } = await valuesAround(reader, indicator.id, year);
  const total = breakdownKey(null, null, null, {});
  const rows: EntryRow[] = [];
  const seen = new Set<string>();
  for (const breakdown of [{ key: total, series: null, unit: null, dimensions: {} }, ...breakdowns]) {
    if (seen.has(breakdown.key)) continue;
    seen.add(breakdown.key);
    const now = current.get(breakdown.key);
    rows.push({
      series: breakdown.series,
      unit: breakdown.unit,
      dimensions: breakdown.dimensions,
      value: now?.value ?? null,
      comment: now?.comment ?? null,
      version: now?.version ?? 0,
      previous: previous.get(breakdown.key)?.value ?? null,
      savedBy: now ? (now.recorded_by_name ?? '') : null,
      savedAt: now ? new Date(now.recorded_at).toISOString() : null,
    });
  }
  return {
    code: indicator.code,
    name: { ko: indicator.name_ko, en: indicator.name_en },
    year,
    minValue: indicator.min_value,
    maxValue: indicator.max_value,
    changeThresholdPercent: thresholdOf(indicator),
    disaggregations: indicator.disaggregations,
    writable: isWritable(await cycleSteps(reader), year, user),
    rows,
  };
}

function changePercent(previous: number, value: number): number {
  if (previous === 0) return value === 0 ? 0 : Number.POSITIVE_INFINITY;
  return (Math.abs(value - previous) / Math.abs(previous)) * 100;
}

function checkEntries(
  indicator: StoredIndicator,
  input: ValueEntryUpdate,
  previous: Map<string, { value: string }>,
): FieldError[] {
  const errors: FieldError[] = [];
  const keys = new Set<string>();
  const threshold = thresholdOf(indicator);
  input.entries.forEach((entry, index) => {
    const field = `body.entries.${index}`;
    const key = breakdownKey(entry.series, entry.unit, null, entry.dimensions);
    if (keys.has(key)) {
      errors.push({
        field,
        code: 'duplicate_entry',
        message: { ko: '같은 분류의 값이 두 번 있습니다.', en: 'The same breakdown is entered twice.' },
      });
    }
    keys.add(key);
    if (entry.value === null) {
      errors.push({
        field: `${field}.value`,
        code: 'required',
        message: { ko: '값을 입력하세요.', en: 'Enter a value.' },
      });
      return;
    }
    const { min_value: min, max_value: max } = indicator;
    if ((min !== null && entry.value < min) || (max !== null && entry.value > max)) {
      errors.push({
        field: `${field}.value`,
        code: 'out_of_range',
        message: {
          ko: `${entry.value}은(는) 허용 범위(${min ?? '-∞'}~${max ?? '∞'})를 벗어납니다.`,
          en: `${entry.value} is outside the allowed range (${min ?? '-∞'} to ${max ?? '∞'}).`,
        },
      });
      return;
    }
    const before = previous.get(key);
    if (before && !entry.comment && changePercent(Number(before.value), entry.value) > threshold) {
      errors.push({
        field: `${field}.comment`,
        code: 'change_needs_comment',
        message: {
          ko: `지난해 값 ${before.value}에서 ${threshold}%보다 크게 바뀌었습니다. 그 까닭을 적어 주세요.`,
          en: `This changes by more than ${threshold}% from last year's ${before.value}. Say why in a comment.`,
        },
      });
    }
  });
  return errors;
}

export async function enterValues(
  db: Db,
  user: SessionUser,
  ip: string | null,
  code: string,
  year: number,
  input: ValueEntryUpdate,
): Promise<void> {
  await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    const indicator = await loadIndicator(trx, code, { forUpdate: true });
    requireDataEntry(user, indicator);
    checkYearWritable(await cycleSteps(trx), year, user);
    const { current, previous } = await valuesAround(trx, indicator.id, year);
    const errors = checkEntries(indicator, input, previous);
    if (errors.length > 0) throw new AppError('validation_failed', 400, { errors });
    const changes = [];
    for (const entry of input.entries) {
      const cell = { series: entry.series, unit: entry.unit, geoCode: null, dimensions: entry.dimensions };
      const now = current.get(breakdownKey(entry.series, entry.unit, null, entry.dimensions));
      if ((now?.version ?? 0) !== entry.version) throw conflict();
      const value = String(entry.value);
      const id = await breakdownId(trx, indicator.id, cell);
      if (now) {
        await trx
          .updateTable('indicators_observations')
          .set({
            value,
            comment: entry.comment,
            version: now.version + 1,
            recorded_by: user.id,
            recorded_at: new Date(),
          })
          .where('breakdown_id', '=', id)
          .where('year', '=', year)
          .where('superseded_at', 'is', null)
          .execute();
      } else {
        await trx
          .insertInto('indicators_observations')
          .values({
            indicator_id: indicator.id,
            breakdown_id: id,
            year,
            value,
            comment: entry.comment,
            recorded_by: user.id,
            superseded_at: null,
          })
          .execute();
      }
      changes.push({ dimensions: entry.dimensions, before: now?.value ?? null, after: value });
    }
    const disaggregations = mergeDisaggregations(
      indicator.disaggregations,
      input.entries.flatMap((entry) => Object.keys(entry.dimensions)),
    );
    await trx
      .updateTable('indicators_indicators')
      .set({ disaggregations, updated_at: new Date() })
      .where('id', '=', indicator.id)
      .execute();
    await audit({
      action: 'indicators.enter-values',
      entityType: 'indicators_indicators',
      entityId: `${code}:${year}`,
      after: { changes },
    });
  });
  publicDataChanged();
}
