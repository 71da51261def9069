/**
 * The committees' pages: for everyone, the calendar of public meetings with the bodies and their
 * counts, each meeting's page (published agenda and minutes, registration) and the cancellation form;
 * for the secretariat, members and terms and scheduling. A decision's recommendations are followed in
 * the register of recommendations (`/staff/recommendations`), where departments answer them.
 */
import type { WebModule } from '../../../kernel/web/module.ts';
import { calendarPath, cancelPath, secretariatPath } from './paths.ts';

const secretariat = { roles: ['admin', 'officer'] } as const;

export const committeesWebModule: WebModule = {
  name: 'committees',
  title: { ko: '인권 위원회와 회의', en: 'Human rights committees and meetings' },
  routes: [
    { path: calendarPath, access: 'public', page: () => import('./calendar-page.tsx') },
    { path: `${calendarPath}/meetings/:id`, access: 'public', page: () => import('./meeting-page.tsx') },
    {
      path: `${calendarPath}/meetings/:id/edit`,
      access: secretariat,
      page: () => import('./meeting-edit-page.tsx'),
    },
    { path: cancelPath, access: 'public', page: () => import('./cancel-page.tsx') },
    { path: secretariatPath, access: secretariat, page: () => import('./secretariat-page.tsx') },
  ],
  navigation: [
    { path: calendarPath, label: { ko: '인권 회의 일정', en: 'Committees and meetings' } },
    {
      path: secretariatPath,
      label: { ko: '위원회 사무국', en: 'Committee secretariat' },
      roles: secretariat.roles,
    },
  ],
};
