/**
 * Scheduled jobs: the table that lets one server at a time run each periodic job (`scheduler.ts`).
 * Modules declare their jobs in their manifests (`jobs`); this service knows none of them.
 */
import type { ServerModule } from '../module.ts';

export const jobsModule: ServerModule = {
  name: 'jobs',
  migrations: new URL('./migrations/', import.meta.url),
};
