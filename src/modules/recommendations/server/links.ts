/**
 * Where the register finds the records it links to: the `linkable` records other modules declare in
 * their manifests (`task` from the action plan, `indicator` from the indicators), never their server
 * code. A link whose module is not registered, or whose record is gone, is left out of every answer.
 */
import type { Db } from '../../../kernel/server/db.ts';
import type { LinkableRecords, ServerModule } from '../../../kernel/server/module.ts';
import type { Link, LinkType } from '../contract.ts';
import { recommendationsDb } from './tables.ts';

export type LinkProviders = Partial<Record<LinkType, LinkableRecords>>;

export function linkProviders(modules: readonly ServerModule[]): LinkProviders {
  const providers: LinkProviders = {};
  for (const module of modules) {
    if (module.linkable?.task) providers.task ??= module.linkable.task;
    if (module.linkable?.indicator) providers.indicator ??= module.linkable.indicator;
  }
  return providers;
}

/** The record's links that still resolve, tasks first, each in the order its module returns. */
export async function readLinks(
  db: Db,
  providers: LinkProviders,
  id: string,
  options: { publicOnly: boolean },
): Promise<Link[]> {
  const rows = await recommendationsDb(db)
    .selectFrom('recommendations_links')
    .select(['target_type', 'target_id'])
    .where('recommendation_id', '=', id)
    .orderBy('target_type', 'desc')
    .orderBy('created_at')
    .orderBy('target_id')
    .execute();
  const links: Link[] = [];
  for (const type of ['task', 'indicator'] as const) {
    const ids = rows.filter((row) => row.target_type === type).map((row) => row.target_id);
    const provider = providers[type];
    if (ids.length === 0 || !provider) continue;
    const found = await provider.find(db, ids);
    for (const target of ids) {
      const record = found.find((entry) => entry.id === target);
      if (!record || (options.publicOnly && !record.isPublic)) continue;
      links.push({ type, id: record.id, title: record.title, path: record.path });
    }
  }
  return links;
}
