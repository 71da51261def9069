/**
 * The public portal's cross-module reads: headline figures for the home page and the search over all
 * public content. The pages themselves are in the web app (`src/web/pages/home`, `…/search`).
 */
import type { ServerModule } from '../module.ts';
import { portalRoutes } from './routes.ts';

export const portalModule: ServerModule = {
  name: 'portal',
  routes: portalRoutes,
};
