/**
 * The tracker's filters beyond source, department, status and year: linked to a task or an indicator
 * (so that their pages can list the recommendations they implement or measure), and tagged with a
 * right, a target group or an SDG goal (a goal's own term or any of its targets), read from the
 * kernel's `vocab_tags` as the SDG pages read them.
 */
import { type SelectQueryBuilder, sql } from 'kysely';
import type { ListQuery } from '../contract.ts';
import type { RecommendationsTables } from './tables.ts';

type Base = SelectQueryBuilder<RecommendationsTables, 'recommendations_records', object>;

const tagged = (condition: ReturnType<typeof sql>) =>
  sql<boolean>`exists (select 1 from vocab_tags t
    where t.module = 'recommendations' and t.record_type = 'recommendation'
      and t.record_id = recommendations_records.id and ${condition})`;

const linked = (type: 'task' | 'indicator', id: string) =>
  sql<boolean>`exists (select 1 from recommendations_links l
    where l.recommendation_id = recommendations_records.id
      and l.target_type = ${type} and l.target_id = ${id})`;

export function applyTraceFilters<B extends Base>(base: B, query: ListQuery): B {
  let filtered = base as Base;
  if (query.task) filtered = filtered.where(linked('task', query.task));
  if (query.indicator) filtered = filtered.where(linked('indicator', query.indicator));
  if (query.right) {
    filtered = filtered.where(tagged(sql`t.vocabulary = 'rights' and t.term_code = ${query.right}`));
  }
  if (query.targetGroup) {
    filtered = filtered.where(
      tagged(sql`t.vocabulary = 'target-groups' and t.term_code = ${query.targetGroup}`),
    );
  }
  if (query.sdg !== undefined) {
    const goal = String(query.sdg);
    filtered = filtered.where(
      tagged(
        sql`((t.vocabulary = 'sdg-goals' and t.term_code = ${goal}) or (t.vocabulary = 'sdg-targets' and t.term_code like ${`${goal}.%`}))`,
      ),
    );
  }
  return filtered as B;
}
