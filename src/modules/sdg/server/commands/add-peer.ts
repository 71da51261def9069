/**
 * Adding a peer city by the base URL of its instance: its feed is fetched and checked first, outside
 * any transaction (a slow peer must not hold the database), and only a feed that passed every check is
 * stored, together with the peer, in one transaction. A refused feed leaves nothing behind.
 */
import type { Actor } from '../../../../kernel/server/command.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import { sdgDb, sdgTrx } from '../tables.ts';
import { type FetchLimits, fetchFeed, normaliseBaseUrl } from './fetch-feed.ts';

const peerExists = () => new AppError('sdg_peer_exists', 409, { errors: [] });

export async function addPeer(db: Db, actor: Actor, input: { baseUrl: string }, limits: FetchLimits) {
  const baseUrl = normaliseBaseUrl(input.baseUrl);
  const known = await sdgDb(db)
    .selectFrom('sdg_network_peers')
    .select('id')
    .where('base_url', '=', baseUrl)
    .executeTakeFirst();
  if (known) throw peerExists();
  const feed = await fetchFeed(baseUrl, limits);
  const id = await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const trx = sdgTrx(raw);
    const peer = await trx
      .insertInto('sdg_network_peers')
      .values({ base_url: baseUrl, added_by: actor.userId })
      .onConflict((oc) => oc.column('base_url').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!peer) throw peerExists();
    await trx.insertInto('sdg_network_feeds').values({ peer_id: peer.id, feed }).execute();
    await audit({
      action: 'sdg.add-peer',
      entityType: 'sdg_network_peers',
      entityId: String(peer.id),
      after: { baseUrl, cityCode: feed.city.code, feedGeneratedAt: feed.generatedAt },
    });
    return peer.id;
  });
  publicDataChanged();
  return id;
}
