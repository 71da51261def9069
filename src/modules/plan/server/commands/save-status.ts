/**
 * An administrator adds a status to the list or changes one (its names, its progress, its place).
 * Reports keep the progress their status had when they were made, so a change rewrites no history.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { StatusInput } from '../../contract.ts';
import { planTrx } from '../tables.ts';

export async function saveStatus(db: Db, user: SessionUser, ip: string, code: string, input: StatusInput) {
  await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = planTrx(raw);
    const before = await trx
      .selectFrom('plan_statuses')
      .selectAll()
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    if ((before?.version ?? 0) !== input.version) throw conflict();
    const after = {
      name_ko: input.name.ko,
      name_en: input.name.en,
      progress: input.progress,
      sort_order: input.sortOrder,
    };
    if (before) {
      await trx
        .updateTable('plan_statuses')
        .set({ ...after, version: before.version + 1, updated_at: new Date() })
        .where('code', '=', code)
        .execute();
    } else {
      // Two first saves at once: the second finds the row the first made, so its version is stale.
      const inserted = await trx
        .insertInto('plan_statuses')
        .values({ code, ...after })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning('code')
        .executeTakeFirst();
      if (!inserted) throw conflict();
    }
    await audit({
      action: 'plan.save-status',
      entityType: 'plan_statuses',
      entityId: code,
      before: before ? { progress: before.progress, name_en: before.name_en } : null,
      after,
    });
  });
  publicDataChanged();
}
