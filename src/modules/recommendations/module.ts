/**
 * The register of recommendations (issue 16): one record per recommendation from every source (the
 * ombudsman, the committees, the Joint Meeting, the Roundtable, impact assessments, UN bodies), one
 * life from issued to implemented or closed, each addressed department answering its own part, and a
 * public tracker. The seed's historical ombudsman recommendations (section 1.6) come from the dataset.
 */
import type { PublicSearchHit, ServerModule } from '../../kernel/server/module.ts';
import { anyContains } from '../../kernel/server/search.ts';
import { seedRecommendations } from './server/commands/seed-recommendations.ts';
import { messages } from './server/messages.ts';
import { notificationKinds } from './server/notifications.ts';
import { recommendationsHeadlines, recommendationsOpenData } from './server/open-data.ts';
import { ombudsmanPublicReference } from './server/queries.ts';
import { recommendationRegister } from './server/register.ts';
import { recommendationsRoutes } from './server/routes.ts';
import { recommendationsDb } from './server/tables.ts';
import { traceRoutes } from './server/trace-routes.ts';
import { recommendationsWork } from './server/work.ts';

const shortTitle = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

export const recommendationsModule: ServerModule = {
  name: 'recommendations',
  migrations: new URL('./migrations/', import.meta.url),
  messages,
  routes(app, kernel) {
    recommendationsRoutes(app, kernel);
    // Links, timelines and statistics (issue 16, items 4 and 5), kept apart from the register's life.
    traceRoutes(app, kernel);
  },
  seed: seedRecommendations,
  work: recommendationsWork,
  // The one way other modules issue recommendations (`kernel.recommendations`).
  provides: { recommendations: recommendationRegister },
  notificationKinds,
  openData: recommendationsOpenData,
  headlines: recommendationsHeadlines,
  // Public recommendations only: a non-public one is found by nobody through the portal.
  async publicSearch(db, query, limit): Promise<PublicSearchHit[]> {
    const rows = await recommendationsDb(db)
      .selectFrom('recommendations_records')
      .select([
        'id',
        'text_ko',
        'text_en',
        'source_kind',
        'historical',
        'source_reference',
        'public_summary_ko',
        'public_summary_en',
      ])
      .where('is_public', '=', true)
      // An ombudsman's recommendation is found by its published summary only (see queries.ts).
      .where((eb) =>
        eb.or([
          eb.and([
            eb.or([eb('source_kind', '<>', 'ombudsman'), eb('historical', '=', true)]),
            anyContains(eb, ['text_ko', 'text_en', 'source_reference'], query),
          ]),
          eb.and([
            eb('source_kind', '=', 'ombudsman'),
            eb('historical', '=', false),
            anyContains(eb, ['public_summary_ko', 'public_summary_en'], query),
          ]),
        ]),
      )
      .orderBy('issued_on', 'desc')
      .orderBy('seed_order')
      .limit(limit)
      .execute();
    return rows.map((row) => {
      const hidden = row.source_kind === 'ombudsman' && !row.historical;
      const text = hidden
        ? { ko: row.public_summary_ko ?? '', en: row.public_summary_en ?? '' }
        : { ko: row.text_ko, en: row.text_en };
      const reference = hidden ? ombudsmanPublicReference : row.source_reference;
      return {
        recordType: 'recommendation',
        title: { ko: shortTitle(text.ko), en: shortTitle(text.en) },
        summary: { ko: reference, en: reference },
        path: `/recommendations/${row.id}`,
      };
    });
  },
};
