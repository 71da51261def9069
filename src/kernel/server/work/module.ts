/**
 * My work: what is waiting for each staff member, gathered from every module's `work` (no tables of
 * its own). The reminders (`notifications/reminders.ts`) read the same items.
 */
import type { ServerModule } from '../module.ts';
import { workRoutes } from './routes.ts';

export const workModule: ServerModule = {
  name: 'work',
  routes: workRoutes,
};
