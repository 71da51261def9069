/**
 * Step (1) of the cycle: a target and implementation plan per indicator for the cycle's year. Until
 * the office saves one, each indicator offers a proposal from the previous year's results: last
 * year's saved target and plan (else the indicator's own target) and the latest value before the
 * year. Saving is the office's, while the cycle is at `targets`; the saved target becomes the
 * indicator's target, which the progress status reads.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { TargetPlan, TargetPlanUpdate } from '../../contract.ts';
import { headlineLatest, listIndicators, loadIndicator } from '../queries.ts';
import { indicatorsDb, indicatorsTrx, savedByName } from '../tables.ts';
import { cycleStepOf, requireStep } from './observations.ts';

export async function listTargetPlans(db: Db, year: number) {
  const reader = indicatorsDb(db);
  const step = await cycleStepOf(reader, year);
  const indicators = (await listIndicators(db)).map(({ row }) => row);
  const plans = await reader
    .selectFrom('indicators_targets as t')
    .selectAll('t')
    .select(savedByName('t.updated_by').as('saved_by_name'))
    .where('t.year', 'in', [year, year - 1])
    .execute();
  const latest = await headlineLatest(
    reader,
    indicators.map((row) => row.id),
    year,
  );
  const targets = indicators.map((row): TargetPlan => {
    const saved = plans.find((plan) => plan.year === year && plan.indicator_id === row.id);
    const previous = plans.find((plan) => plan.year === year - 1 && plan.indicator_id === row.id);
    const previousTarget =
      previous?.target_value != null && previous.target_year != null
        ? { year: previous.target_year, value: previous.target_value }
        : row.target_value !== null && row.target_year !== null
          ? { year: row.target_year, value: row.target_value }
          : null;
    const proposal = {
      target: previousTarget,
      plan: previous?.plan ?? null,
      latest: latest.get(row.id) ?? null,
    };
    return {
      code: row.code,
      name: { ko: row.name_ko, en: row.name_en },
      areaCode: row.area_code,
      responsibleDepartment: row.responsible_department,
      saved: saved !== undefined,
      targetValue: saved ? saved.target_value : (proposal.target?.value ?? proposal.latest?.value ?? null),
      targetYear: saved ? saved.target_year : (proposal.target?.year ?? null),
      plan: saved ? saved.plan : (proposal.plan ?? ''),
      version: saved?.version ?? 0,
      savedBy: saved ? (saved.saved_by_name ?? '') : null,
      savedAt: saved ? new Date(saved.updated_at).toISOString() : null,
      proposal,
    };
  });
  return { year, step, targets };
}

export async function saveTargetPlan(
  db: Db,
  user: SessionUser,
  ip: string | null,
  year: number,
  code: string,
  input: TargetPlanUpdate,
): Promise<void> {
  await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    requireStep(await cycleStepOf(trx, year, { lock: true }), year, ['targets']);
    const indicator = await loadIndicator(trx, code, { forUpdate: true });
    const current = await trx
      .selectFrom('indicators_targets')
      .selectAll()
      .where('year', '=', year)
      .where('indicator_id', '=', indicator.id)
      .forUpdate()
      .executeTakeFirst();
    if ((current?.version ?? 0) !== input.version) throw conflict();
    const values = {
      target_value: input.targetValue,
      target_year: input.targetYear,
      plan: input.plan,
      updated_by: user.id,
      updated_at: new Date(),
    };
    if (current) {
      await trx
        .updateTable('indicators_targets')
        .set({ ...values, version: current.version + 1 })
        .where('year', '=', year)
        .where('indicator_id', '=', indicator.id)
        .execute();
    } else {
      await trx
        .insertInto('indicators_targets')
        .values({ year, indicator_id: indicator.id, ...values })
        .execute();
    }
    if (input.targetValue !== null && input.targetYear !== null) {
      await trx
        .updateTable('indicators_indicators')
        .set({
          target_value: input.targetValue,
          target_year: input.targetYear,
          version: indicator.version + 1,
          updated_at: new Date(),
        })
        .where('id', '=', indicator.id)
        .execute();
    }
    await audit({
      action: 'indicators.save-target-plan',
      entityType: 'indicators_targets',
      entityId: `${year}:${code}`,
      before: current
        ? { targetValue: current.target_value, targetYear: current.target_year, plan: current.plan }
        : null,
      after: { targetValue: input.targetValue, targetYear: input.targetYear, plan: input.plan },
    });
  });
  publicDataChanged();
}
