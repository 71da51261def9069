/**
 * Step (6) of Table 2, the collection of results: the year's final value of each indicator beside its
 * target and the value before, with its progress, and the implementation results of the year's
 * complementation actions (their status, notes and cancellations), counted by status. A department
 * sees the actions it owns.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { actionStates, type CycleResults } from '../../contract.ts';
import { headlineLatest, listIndicators, progressOf } from '../queries.ts';
import { indicatorsDb } from '../tables.ts';
import { listActions } from './actions.ts';
import { cycleStepOf } from './observations.ts';

export async function collectResults(db: Db, user: SessionUser, year: number): Promise<CycleResults> {
  const reader = indicatorsDb(db);
  const step = await cycleStepOf(reader, year);
  const rows = (await listIndicators(db)).map(({ row }) => row);
  const ids = rows.map((row) => row.id);
  const upToYear = await headlineLatest(reader, ids, year + 1);
  const before = await headlineLatest(reader, ids, year);
  const targets = await reader
    .selectFrom('indicators_targets')
    .selectAll()
    .where('year', '=', year)
    .execute();
  const owner = user.role === 'department' ? (user.departmentCode ?? '') : undefined;
  const actions = await listActions(db, year, owner);
  const actionCounts = Object.fromEntries(
    actionStates.map((state) => [state, 0]),
  ) as CycleResults['actionCounts'];
  for (const action of actions) actionCounts[action.status] += 1;
  return {
    year,
    step,
    indicators: rows.map((row) => {
      const latest = upToYear.get(row.id);
      const target = targets.find((entry) => entry.indicator_id === row.id);
      return {
        code: row.code,
        name: { ko: row.name_ko, en: row.name_en },
        target:
          target?.target_value != null ? { value: target.target_value, year: target.target_year } : null,
        value: latest && latest.year === year ? latest.value : null,
        previous: before.get(row.id) ?? null,
        progress: progressOf(row, latest).status,
      };
    }),
    actionCounts,
    actions,
  };
}
