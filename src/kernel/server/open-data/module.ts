/** The open-data catalogue: the datasets that modules declare in their manifests, as CSV and JSON. */
import type { ServerModule } from '../module.ts';
import { openDataRoutes } from './routes.ts';

export const openDataModule: ServerModule = {
  name: 'opendata',
  migrations: new URL('./migrations/', import.meta.url),
  routes: openDataRoutes,
};
