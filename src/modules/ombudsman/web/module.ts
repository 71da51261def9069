/**
 * The ombudsman's pages: for everyone, the complaint form, its receipt, the status check and the
 * annual statistics; for the office (officers and ombudsmen), the cases, intake, counselling and
 * deadlines; for departments, what the ombudsman asked or recommended them. The server decides per
 * case what each reader sees (identity only for the standing and assigned ombudsmen). The office's
 * managers (admins and officers) appoint the ombudsmen and set the deadlines.
 */
import type { WebModule } from '../../../kernel/web/module.ts';
import {
  casesPath,
  complaintPath,
  counsellingPath,
  deadlinesPath,
  inboxPath,
  intakePath,
  membersPath,
  receivedPath,
  statisticsPath,
  statusPath,
} from './paths.ts';

const caseStaff = { roles: ['officer', 'ombudsman'] } as const;
// The standing ombudsman reads the members page too: pending grants wait there for their confirmation.
const memberReaders = { roles: ['admin', 'officer', 'ombudsman'] } as const;
/** Admins see the deadlines page for its settings only (they do not oversee cases). */
const deadlineReaders = { roles: ['admin', 'officer', 'ombudsman'] } as const;

export const ombudsmanWebModule: WebModule = {
  name: 'ombudsman',
  title: { ko: '인권옴부즈맨', en: 'Human rights ombudsman' },
  routes: [
    { path: complaintPath, access: 'public', page: () => import('./complaint-page.tsx') },
    { path: receivedPath, access: 'public', page: () => import('./received-page.tsx') },
    { path: statusPath, access: 'public', page: () => import('./status-page.tsx') },
    { path: statisticsPath, access: 'public', page: () => import('./statistics-page.tsx') },
    { path: casesPath, access: caseStaff, page: () => import('./cases-page.tsx') },
    { path: `${casesPath}/:id`, access: caseStaff, page: () => import('./case-page.tsx') },
    { path: intakePath, access: caseStaff, page: () => import('./intake-page.tsx') },
    { path: counsellingPath, access: caseStaff, page: () => import('./counselling-page.tsx') },
    { path: deadlinesPath, access: deadlineReaders, page: () => import('./deadlines-page.tsx') },
    { path: membersPath, access: memberReaders, page: () => import('./members-page.tsx') },
    { path: inboxPath, access: { roles: ['department'] }, page: () => import('./inbox-page.tsx') },
  ],
  navigation: [
    { path: complaintPath, label: { ko: '인권침해 진정', en: 'Report a violation' } },
    { path: statusPath, label: { ko: '진정 처리 확인', en: 'Check a report' } },
    { path: casesPath, label: { ko: '옴부즈맨 사건', en: 'Ombudsman cases' }, roles: caseStaff.roles },
    { path: intakePath, label: { ko: '사건 접수', en: 'Case intake' }, roles: caseStaff.roles },
    { path: counsellingPath, label: { ko: '상담 기록', en: 'Counselling log' }, roles: caseStaff.roles },
    {
      path: deadlinesPath,
      label: { ko: '기한·업무량', en: 'Deadlines and workload' },
      roles: deadlineReaders.roles,
    },
    {
      path: membersPath,
      label: { ko: '인권옴부즈맨 위촉', en: 'Ombudsman appointments' },
      roles: memberReaders.roles,
    },
    {
      path: inboxPath,
      label: { ko: '옴부즈맨 요청·권고', en: 'Ombudsman requests' },
      roles: ['department'],
    },
  ],
};
