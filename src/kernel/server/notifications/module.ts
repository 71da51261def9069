/**
 * Notifications: each user's in-app list, their choice of delivery per kind, and mail. Modules write
 * notifications with `notify` (`notify.ts`) inside their command's transaction; the kernel knows no
 * module's kinds.
 */
import type { ServerModule } from '../module.ts';

export const notificationsModule: ServerModule = {
  name: 'notifications',
  migrations: new URL('./migrations/', import.meta.url),
};
