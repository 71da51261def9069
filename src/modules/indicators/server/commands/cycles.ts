/** Opening a year's cycle and moving it through its steps (the table in `workflow.ts`). */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, forbidden, notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { Cycle, CycleAction, CycleStep } from '../../contract.ts';
import { indicatorsDb, indicatorsTrx } from '../tables.ts';
import { allowedCycleActions, cycleTransitionFor } from '../workflow.ts';
import { publishResults } from './publication.ts';

type CycleRow = {
  year: number;
  step: CycleStep;
  opened_at: Date;
  closed_at: Date | null;
  version: number;
};

function present(row: CycleRow, user: SessionUser): Cycle {
  return {
    year: row.year,
    step: row.step,
    openedAt: new Date(row.opened_at).toISOString(),
    closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
    version: row.version,
    allowedActions: allowedCycleActions(row.step, user.role),
  };
}

export async function listCycles(db: Db, user: SessionUser): Promise<Cycle[]> {
  const rows = await indicatorsDb(db)
    .selectFrom('indicators_cycles')
    .selectAll()
    .orderBy('year', 'desc')
    .execute();
  return rows.map((row) => present(row as CycleRow, user));
}

export async function openCycle(db: Db, user: SessionUser, ip: string | null, year: number): Promise<Cycle> {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    const existing = await trx
      .selectFrom('indicators_cycles')
      .select('year')
      .where('year', '=', year)
      .executeTakeFirst();
    if (existing) throw new AppError('indicators_cycle_exists', 409, { params: { year } });
    const row = await trx
      .insertInto('indicators_cycles')
      .values({ year, step: 'targets', closed_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('indicators_cycle_events')
      .values({ year, action: 'open', from_step: null, to_step: 'targets', actor_id: user.id })
      .execute();
    await audit({
      action: 'indicators.open-cycle',
      entityType: 'indicators_cycles',
      entityId: String(year),
      after: { step: 'targets' },
    });
    return present(row as CycleRow, user);
  });
}

export async function transitionCycle(
  db: Db,
  user: SessionUser,
  ip: string | null,
  year: number,
  input: { action: CycleAction; version: number },
): Promise<Cycle> {
  const cycle = await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    const row = (await trx
      .selectFrom('indicators_cycles')
      .selectAll()
      .where('year', '=', year)
      .forUpdate()
      .executeTakeFirst()) as CycleRow | undefined;
    if (!row) throw notFound();
    const transition = cycleTransitionFor(row.step, input.action);
    if (!transition) {
      throw new AppError('indicators_transition_not_allowed', 409, {
        params: { step: row.step, action: input.action },
      });
    }
    if (!transition.by.includes(user.role)) throw forbidden();
    if (row.version !== input.version) throw conflict();
    const now = new Date();
    const updated = await trx
      .updateTable('indicators_cycles')
      .set({
        step: transition.to,
        version: row.version + 1,
        updated_at: now,
        ...(transition.to === 'closed' ? { closed_at: now } : {}),
      })
      .where('year', '=', year)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('indicators_cycle_events')
      .values({ year, action: input.action, from_step: row.step, to_step: transition.to, actor_id: user.id })
      .execute();
    await audit({
      action: `indicators.cycle.${input.action}`,
      entityType: 'indicators_cycles',
      entityId: String(year),
      before: { step: row.step },
      after: { step: transition.to },
    });
    if (transition.to === 'closed') await publishResults(trx, year, audit);
    return present(updated as CycleRow, user);
  });
  publicDataChanged();
  return cycle;
}
