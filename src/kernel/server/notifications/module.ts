/**
 * Notifications: each user's in-app list, their choice of delivery per kind, and mail. Modules write
 * notifications with `notify` (`notify.ts`) inside their command's transaction and declare their kinds
 * in their manifest (`notificationKinds`); the kernel knows no module's kinds.
 */
import type { ServerModule } from '../module.ts';
import { notificationsMessages } from './messages.ts';
import { notificationsRoutes } from './routes.ts';

export const notificationsModule: ServerModule = {
  name: 'notifications',
  migrations: new URL('./migrations/', import.meta.url),
  messages: notificationsMessages,
  routes: notificationsRoutes,
};
