/**
 * Fetching a peer's feed again. The new feed replaces the stored one only when it passed every check;
 * a refused one leaves the last good feed in place.
 */
import type { Actor } from '../../../../kernel/server/command.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { NetworkFeed } from '../../contract.ts';
import { sdgDb, sdgTrx } from '../tables.ts';
import { type FeedFailure, FeedRefused, type FetchLimits, fetchFeed } from './fetch-feed.ts';

export async function refreshPeer(db: Db, actor: Actor, id: number, limits: FetchLimits): Promise<void> {
  const peer = await sdgDb(db)
    .selectFrom('sdg_network_peers')
    .select('base_url')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!peer) throw notFound();
  let feed: NetworkFeed;
  try {
    feed = await fetchFeed(peer.base_url, limits);
  } catch (error) {
    if (error instanceof FeedRefused) await recordFailure(db, actor, id, error.failure);
    throw error;
  }
  await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const trx = sdgTrx(raw);
    const current = await trx
      .selectFrom('sdg_network_peers')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    // Removed while its feed was being fetched: nothing to refresh.
    if (!current) throw notFound();
    await trx
      .insertInto('sdg_network_feeds')
      .values({ peer_id: id, feed })
      .onConflict((oc) => oc.column('peer_id').doUpdateSet({ feed, fetched_at: new Date() }))
      .execute();
    await trx.updateTable('sdg_network_peers').set({ last_failure: null }).where('id', '=', id).execute();
    await audit({
      action: 'sdg.refresh-peer',
      entityType: 'sdg_network_peers',
      entityId: String(id),
      after: { cityCode: feed.city.code, feedGeneratedAt: feed.generatedAt },
    });
  });
  publicDataChanged();
}

/** Keeps why the fetch was refused on the peer, for the administrator's view. */
async function recordFailure(db: Db, actor: Actor, id: number, failure: FeedFailure): Promise<void> {
  const lastFailure = { at: new Date().toISOString(), ...failure };
  await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const updated = await sdgTrx(raw)
      .updateTable('sdg_network_peers')
      .set({ last_failure: lastFailure })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    if (!updated) return;
    await audit({
      action: 'sdg.refresh-peer-refused',
      entityType: 'sdg_network_peers',
      entityId: String(id),
      after: { code: failure.code },
    });
  });
}
