/**
 * Step (6) and after: a closed year's values are read-only, so a mistake found later is corrected by
 * a new version, never an edit. The office names the value (breakdown and year), the version it read,
 * the new value and the reason; the old observation is kept (superseded) beside the new one, and a
 * correction record, public like the data, says what changed and why. A year that is still open is
 * edited the ordinary way (409 `indicators_year_open`).
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { Correction, CorrectionInput } from '../../contract.ts';
import { loadIndicator } from '../queries.ts';
import { indicatorsDb, indicatorsTrx } from '../tables.ts';
import { breakdownId, cycleSteps } from './observations.ts';
import { correctionsOf } from './publication.ts';

export async function correctValue(
  db: Db,
  user: SessionUser,
  ip: string | null,
  code: string,
  input: CorrectionInput,
): Promise<void> {
  await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    const indicator = await loadIndicator(trx, code, { forUpdate: true });
    if ((await cycleSteps(trx)).get(input.year) !== 'closed') {
      throw new AppError('indicators_year_open', 409, { params: { year: input.year } });
    }
    const cell = { series: input.series, unit: input.unit, geoCode: null, dimensions: input.dimensions };
    const id = await breakdownId(trx, indicator.id, cell);
    const current = await trx
      .selectFrom('indicators_observations')
      .select(['value', 'version'])
      .where('breakdown_id', '=', id)
      .where('year', '=', input.year)
      .where('superseded_at', 'is', null)
      .executeTakeFirst();
    if ((current?.version ?? 0) !== input.version) throw conflict();
    const now = new Date();
    await trx
      .updateTable('indicators_observations')
      .set({ superseded_at: now })
      .where('breakdown_id', '=', id)
      .where('year', '=', input.year)
      .where('superseded_at', 'is', null)
      .execute();
    const value = String(input.value);
    await trx
      .insertInto('indicators_observations')
      .values({
        indicator_id: indicator.id,
        breakdown_id: id,
        year: input.year,
        value,
        version: input.version + 1,
        recorded_by: user.id,
        comment: input.reason,
        superseded_at: null,
      })
      .execute();
    await trx
      .insertInto('indicators_corrections')
      .values({
        indicator_id: indicator.id,
        breakdown_id: id,
        year: input.year,
        old_value: current?.value ?? null,
        new_value: value,
        reason: input.reason,
        corrected_by: user.id,
      })
      .execute();
    await audit({
      action: 'indicators.correct-value',
      entityType: 'indicators_observations',
      entityId: `${code}:${input.year}`,
      before: { value: current?.value ?? null, version: current?.version ?? 0 },
      after: { value, version: input.version + 1, reason: input.reason, dimensions: input.dimensions },
    });
  });
  publicDataChanged();
}

/** An indicator's corrections, oldest first, each with its published note. */
export async function listCorrections(db: Db, code: string): Promise<Correction[]> {
  const reader = indicatorsDb(db);
  const indicator = await loadIndicator(reader, code);
  return (await correctionsOf(reader, indicator.id)).map(({ breakdownId: _, ...correction }) => correction);
}
