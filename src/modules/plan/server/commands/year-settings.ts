/**
 * A year of the action plan: how often departments report (quarterly unless the office says
 * otherwise) and the office's yearly review, which the committee comments on. A year without a row
 * has the defaults (version 0); the first save creates the row.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict } from '../../../../kernel/server/errors.ts';
import type { YearSettings, YearSettingsInput } from '../../contract.ts';
import { defaultPeriodsPerYear, type PeriodsPerYear, reportingPeriods } from '../progress.ts';
import { listComments } from '../queries.ts';
import { planDb, planTrx } from '../tables.ts';

export async function readYearSettings(db: Db, year: number): Promise<YearSettings> {
  const plan = planDb(db);
  const row = await plan.selectFrom('plan_years').selectAll().where('year', '=', year).executeTakeFirst();
  const periodsPerYear = (row?.periods_per_year ?? defaultPeriodsPerYear) as PeriodsPerYear;
  return {
    year,
    periodsPerYear,
    review: row?.review_ko && row.review_en ? { ko: row.review_ko, en: row.review_en } : null,
    version: row?.version ?? 0,
    periods: reportingPeriods(year, periodsPerYear).map(({ code, startsOn, endsOn }) => ({
      code,
      startsOn,
      endsOn,
    })),
    comments: await listComments(plan, { year }),
  };
}

export async function updateYearSettings(
  db: Db,
  user: SessionUser,
  ip: string,
  year: number,
  input: YearSettingsInput,
): Promise<void> {
  await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = planTrx(raw);
    const before = await trx
      .selectFrom('plan_years')
      .selectAll()
      .where('year', '=', year)
      .forUpdate()
      .executeTakeFirst();
    if ((before?.version ?? 0) !== input.version) throw conflict();
    const after = {
      periods_per_year: input.periodsPerYear,
      review_ko: input.review?.ko ?? null,
      review_en: input.review?.en ?? null,
    };
    if (before) {
      await trx
        .updateTable('plan_years')
        .set({ ...after, version: before.version + 1, updated_at: new Date() })
        .where('year', '=', year)
        .execute();
    } else {
      // Two first saves at once: the second finds the row the first made, so its version is stale.
      const inserted = await trx
        .insertInto('plan_years')
        .values({ year, ...after })
        .onConflict((oc) => oc.column('year').doNothing())
        .returning('year')
        .executeTakeFirst();
      if (!inserted) throw conflict();
    }
    await audit({
      action: 'plan.update-year',
      entityType: 'plan_years',
      entityId: String(year),
      before: before ? { periods_per_year: before.periods_per_year } : null,
      after: { periods_per_year: after.periods_per_year },
    });
  });
}
