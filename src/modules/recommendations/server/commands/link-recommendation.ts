/**
 * Linking a recommendation to the action-plan tasks that implement it and the indicators that measure
 * it (the whole set at once, with the version read). The office links any recommendation at any
 * step; an addressed department links its own while it is answered or being implemented (`policy.ts`).
 * Every task and indicator must exist, checked through the modules' `linkable` records: one that
 * does not is a 400 on its field, and nothing changes.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, fieldError, forbidden, notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { LinksInput } from '../../contract.ts';
import type { LinkProviders } from '../links.ts';
import { fieldMessages } from '../messages.ts';
import { capacitiesOn, mayLink, seesStaffRecord } from '../policy.ts';
import { recommendationsTrx } from '../tables.ts';

export async function linkRecommendation(
  db: Db,
  actor: Actor,
  user: SessionUser,
  providers: LinkProviders,
  id: string,
  input: LinksInput,
): Promise<{ version: number }> {
  const tasks = [...new Set(input.tasks)];
  const indicators = [...new Set(input.indicators)];
  const result = await runCommand(db, actor, async ({ trx, audit }) => {
    const register = recommendationsTrx(trx);
    const record = await register
      .selectFrom('recommendations_records')
      .select(['status', 'version'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!record) throw notFound();
    const parts = await register
      .selectFrom('recommendations_departments')
      .select('department_code')
      .where('recommendation_id', '=', id)
      .execute();
    const capacities = capacitiesOn(
      user,
      parts.map((part) => part.department_code),
    );
    if (!seesStaffRecord(capacities)) throw notFound();
    const allowed = mayLink(capacities, record.status);
    if (allowed === 'state') {
      throw new AppError('recommendations_links_not_now', 409, { params: { status: record.status } });
    }
    if (!allowed) throw forbidden();
    if (record.version !== input.version) throw conflict();

    // Read through the transaction: on PGlite a `db` query would wait for the session it holds.
    for (const [type, ids, field, message] of [
      ['task', input.tasks, 'tasks', fieldMessages.unknownTask],
      ['indicator', input.indicators, 'indicators', fieldMessages.unknownIndicator],
    ] as const) {
      const found = new Set(
        ids.length > 0 ? ((await providers[type]?.find(trx, ids)) ?? []).map((r) => r.id) : [],
      );
      const index = ids.findIndex((target) => !found.has(target));
      if (index >= 0) throw fieldError(`body.${field}.${index}`, `recommendations_unknown_${type}`, message);
    }

    const before = await register
      .selectFrom('recommendations_links')
      .select(['target_type', 'target_id'])
      .where('recommendation_id', '=', id)
      .execute();
    await register.deleteFrom('recommendations_links').where('recommendation_id', '=', id).execute();
    const rows = [
      ...tasks.map((target) => ({ recommendation_id: id, target_type: 'task' as const, target_id: target })),
      ...indicators.map((target) => ({
        recommendation_id: id,
        target_type: 'indicator' as const,
        target_id: target,
      })),
    ];
    if (rows.length > 0) await register.insertInto('recommendations_links').values(rows).execute();
    await register
      .updateTable('recommendations_records')
      .set({ version: record.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'recommendations.link',
      entityType: 'recommendations_records',
      entityId: id,
      before: {
        tasks: before.filter((row) => row.target_type === 'task').map((row) => row.target_id),
        indicators: before.filter((row) => row.target_type === 'indicator').map((row) => row.target_id),
        version: record.version,
      },
      after: { tasks, indicators, version: record.version + 1 },
    });
    return { version: record.version + 1 };
  });
  publicDataChanged();
  return result;
}
