/** The network's reads: the peer cities, and the comparison of this city's feed with theirs. */
import type { Db } from '../../../kernel/server/module.ts';
import type { Comparison, NetworkFeed, Peer } from '../contract.ts';
import { sdgDb } from './tables.ts';

/** `failures`: the administrator's view, with why each peer's last fetch was refused. */
export async function listPeers(db: Db, options: { failures: boolean }): Promise<Peer[]> {
  const rows = await sdgDb(db)
    .selectFrom('sdg_network_peers as peer')
    .leftJoin('sdg_network_feeds as feed', 'feed.peer_id', 'peer.id')
    .select([
      'peer.id',
      'peer.base_url',
      'peer.added_at',
      'peer.last_failure',
      'feed.fetched_at',
      'feed.feed',
    ])
    .orderBy('peer.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    baseUrl: row.base_url,
    addedAt: new Date(row.added_at).toISOString(),
    fetchedAt: row.fetched_at ? new Date(row.fetched_at).toISOString() : null,
    cityCode: row.feed?.city.code ?? null,
    lastFailure: options.failures ? row.last_failure : null,
  }));
}

export async function loadComparison(db: Db, self: NetworkFeed): Promise<Comparison> {
  const rows = await sdgDb(db)
    .selectFrom('sdg_network_peers as peer')
    .innerJoin('sdg_network_feeds as feed', 'feed.peer_id', 'peer.id')
    .select(['peer.id', 'peer.base_url', 'feed.fetched_at', 'feed.feed'])
    .orderBy('peer.id')
    .execute();
  return {
    self,
    peers: rows.map((row) => ({
      id: row.id,
      baseUrl: row.base_url,
      fetchedAt: new Date(row.fetched_at).toISOString(),
      feed: row.feed,
    })),
  };
}
