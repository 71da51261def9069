/**
 * My work: what is waiting for each staff member, gathered from every module's `work` (no tables of
 * its own). The reminders (`notifications/reminders.ts`) read the same items.
 */
import type { ServerModule } from '../module.ts';
import { workRoutes } from './routes.ts';

export const workModule: ServerModule = {
  name: 'work',
  routes: workRoutes,
  // The reminders (`notifications/reminders.ts`) write these about the items listed here.
  notificationKinds: [
    {
      kind: 'work.reminder',
      label: { ko: '기한이 다가오거나 오늘인 일', en: 'Work due soon or today' },
    },
    {
      kind: 'work.escalation',
      label: {
        ko: '기한이 지난 일(인권담당관실에 알림)',
        en: 'Overdue work (escalated to the Human Rights Office)',
      },
    },
  ],
};
