/**
 * The completeness view of step (2): for each department, which of its indicators have a value for
 * the cycle's year. A department sees only its own; the office sees every department, and the
 * indicators no department is responsible for yet as a group of their own.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import type { Completeness } from '../../contract.ts';
import { listIndicators } from '../queries.ts';
import { indicatorsDb } from '../tables.ts';
import { cycleStepOf } from './observations.ts';

export async function readCompleteness(db: Db, user: SessionUser, year: number): Promise<Completeness> {
  const reader = indicatorsDb(db);
  await cycleStepOf(reader, year);
  const entered = new Set(
    (
      await reader
        .selectFrom('indicators_observations')
        .select('indicator_id')
        .distinct()
        .where('year', '=', year)
        .where('superseded_at', 'is', null)
        .execute()
    ).map((row) => row.indicator_id),
  );
  const indicators = (await listIndicators(db))
    .map(({ row }) => row)
    .filter((row) => user.role !== 'department' || row.responsible_department === user.departmentCode);
  const departments = [...new Set(indicators.map((row) => row.responsible_department))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  return {
    year,
    departments: departments.map((code) => {
      const mine = indicators
        .filter((row) => row.responsible_department === code)
        .map((row) => ({
          code: row.code,
          name: { ko: row.name_ko, en: row.name_en },
          hasValue: entered.has(row.id),
        }));
      return {
        code,
        entered: mine.filter((row) => row.hasValue).length,
        total: mine.length,
        indicators: mine,
      };
    }),
  };
}
