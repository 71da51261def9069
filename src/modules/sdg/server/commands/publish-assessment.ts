/**
 * Publishing a year's self-assessment (it then shows on the public pages and in the network feed), or
 * withdrawing it to edit it again. Versioned like any edit.
 */
import type { Actor } from '../../../../kernel/server/command.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict, notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import { sdgTrx } from '../tables.ts';

export async function publishAssessment(
  db: Db,
  actor: Actor,
  year: number,
  input: { version: number; published: boolean },
): Promise<void> {
  await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const trx = sdgTrx(raw);
    const before = await trx
      .selectFrom('sdg_assessments')
      .select(['published_at', 'version'])
      .where('year', '=', year)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound();
    if (before.version !== input.version) throw conflict();
    const publishedAt = input.published ? (before.published_at ?? new Date()) : null;
    await trx
      .updateTable('sdg_assessments')
      .set({ published_at: publishedAt, version: before.version + 1, updated_at: new Date() })
      .where('year', '=', year)
      .execute();
    await audit({
      action: input.published ? 'sdg.publish-assessment' : 'sdg.withdraw-assessment',
      entityType: 'sdg_assessments',
      entityId: String(year),
      before: { publishedAt: before.published_at },
      after: { publishedAt },
    });
  });
  publicDataChanged();
}
