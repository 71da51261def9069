/** The signed-in user's notifications and their preferences (how each kind reaches them); the admin's mail outbox. */
import { roles } from '../../../shared/roles.ts';
import type { WebModule } from '../../module.ts';
import { notificationPreferencesPath, notificationsPath, outboxPath } from './paths.ts';

export const notificationsWebModule: WebModule = {
  name: 'notifications',
  title: { ko: '알림', en: 'Notifications' },
  routes: [
    { path: notificationsPath, access: 'authenticated', page: () => import('./notifications-page.tsx') },
    {
      path: notificationPreferencesPath,
      access: 'authenticated',
      page: () => import('./preferences-page.tsx'),
    },
    { path: outboxPath, access: { roles: ['admin'] }, page: () => import('./outbox-page.tsx') },
  ],
  navigation: [
    { path: notificationsPath, label: { ko: '알림', en: 'Notifications' }, roles },
    { path: notificationPreferencesPath, label: { ko: '알림 설정', en: 'Notification settings' }, roles },
    { path: outboxPath, label: { ko: '메일 발송함', en: 'Mail outbox' }, roles: ['admin'] },
  ],
};
