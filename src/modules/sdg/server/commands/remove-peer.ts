/** Removing a peer city, with its stored feed. */
import type { Actor } from '../../../../kernel/server/command.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import { sdgTrx } from '../tables.ts';

export async function removePeer(db: Db, actor: Actor, id: number): Promise<void> {
  await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const trx = sdgTrx(raw);
    const removed = await trx
      .deleteFrom('sdg_network_peers')
      .where('id', '=', id)
      .returning(['id', 'base_url'])
      .executeTakeFirst();
    if (!removed) throw notFound();
    await audit({
      action: 'sdg.remove-peer',
      entityType: 'sdg_network_peers',
      entityId: String(id),
      before: { baseUrl: removed.base_url },
    });
  });
  publicDataChanged();
}
