/** The audit trail's page, for admins. */
import type { WebModule } from '../../module.ts';

export const auditWebModule: WebModule = {
  name: 'audit',
  title: { ko: '감사 기록', en: 'Audit trail' },
  routes: [{ path: '/staff/audit', access: { roles: ['admin'] }, page: () => import('./audit-page.tsx') }],
  navigation: [{ path: '/staff/audit', label: { ko: '감사 기록', en: 'Audit trail' }, roles: ['admin'] }],
};
