/**
 * This instance's network feed: its latest published self-assessment and the headline figures of
 * every module (collected through the manifests, knowing none by name). Public data only: a published
 * assessment and headlines, which the manifests promise are public.
 */

import type { z } from 'zod';
import type { Db, ServerModule } from '../../../kernel/server/module.ts';
import { feedFormat, feedHeadlineSchema, feedVersion, type NetworkFeed } from '../contract.ts';
import { loadAssessment, loadFramework } from './queries.ts';

export async function buildFeed(
  db: Db,
  modules: readonly ServerModule[],
  cityCode: string,
): Promise<NetworkFeed> {
  const headlines: (z.infer<typeof feedHeadlineSchema> & { order: number })[] = [];
  for (const module of modules) {
    for (const headline of (await module.headlines?.(db)) ?? []) {
      // A headline that does not fit the feed (a module's id that is not kebab-case, a value that is
      // not a number) is left out, so that one module's slip does not take the whole feed down.
      const checked = feedHeadlineSchema.safeParse(headline);
      if (checked.success) headlines.push({ ...checked.data, order: headline.order });
    }
  }
  headlines.sort((a, b) => a.order - b.order);
  const framework = await loadFramework(db);
  const latest = framework.assessments[0];
  const assessment = latest ? await loadAssessment(db, latest.year, { publishedOnly: true }) : undefined;
  return {
    format: feedFormat,
    version: feedVersion,
    city: { code: cityCode },
    generatedAt: new Date().toISOString(),
    headlines: headlines.map(({ order: _order, ...headline }) => headline),
    assessment:
      assessment && latest
        ? {
            year: assessment.year,
            publishedAt: latest.publishedAt,
            categories: framework.categories,
            components: framework.components.map(({ code, name }) => ({ code, name })),
            cells: assessment.cells.map((cell) => ({
              category: cell.category,
              component: cell.component,
              rating: cell.rating,
              narrative: cell.narrative,
              evidence: cell.evidence.map(({ title, path }) => ({ title, path })),
            })),
          }
        : null,
  };
}
