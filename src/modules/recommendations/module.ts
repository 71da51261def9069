/**
 * The register of recommendations (issue 16): one record per recommendation from every source (the
 * ombudsman, the committees, the Joint Meeting, the Roundtable, impact assessments, UN bodies), one
 * life from issued to implemented or closed, each addressed department answering its own part, and a
 * public tracker. The seed's historical ombudsman recommendations (section 1.6) come from the dataset.
 */
import type { ServerModule } from '../../kernel/server/module.ts';
import { seedRecommendations } from './server/commands/seed-recommendations.ts';
import { messages } from './server/messages.ts';
import { recommendationsRoutes } from './server/routes.ts';

export const recommendationsModule: ServerModule = {
  name: 'recommendations',
  migrations: new URL('./migrations/', import.meta.url),
  messages,
  routes: recommendationsRoutes,
  seed: seedRecommendations,
};
