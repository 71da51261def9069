/** The accounts pages: sign-in, the staff dashboard, one's own account, and (admins) the users. */
import { roles } from '../../../shared/roles.ts';
import type { WebModule } from '../../module.ts';
import { enrolmentPath, loginPath } from '../../session.tsx';

export const accountsWebModule: WebModule = {
  name: 'accounts',
  title: { ko: '계정', en: 'Accounts' },
  routes: [
    { path: loginPath, access: 'public', page: () => import('./login-page.tsx') },
    { path: '/staff', access: 'authenticated', page: () => import('./dashboard-page.tsx') },
    { path: enrolmentPath, access: 'authenticated', page: () => import('./account-page.tsx') },
    { path: '/staff/users', access: { roles: ['admin'] }, page: () => import('./users-page.tsx') },
  ],
  navigation: [
    { path: '/staff', label: { ko: '대시보드', en: 'Dashboard' }, roles },
    { path: enrolmentPath, label: { ko: '내 계정', en: 'My account' }, roles },
    { path: '/staff/users', label: { ko: '사용자', en: 'Users' }, roles: ['admin'] },
  ],
};
