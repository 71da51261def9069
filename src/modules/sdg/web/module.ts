/**
 * The SDG module's pages. Public: the 17 goals and the page of each, the local agenda (Tables 6 and
 * 7), the Agenda 2030 framework with the published self-assessments, and the comparison with peer
 * cities. The office: self-assessments in draft, and the peer cities.
 */
import type { WebModule } from '../../../kernel/web/module.ts';
import {
  agenda2030Path,
  agendasPath,
  assessmentsPath,
  comparisonPath,
  goalsPath,
  peersPath,
} from './paths.ts';

const office = { roles: ['admin', 'officer'] } as const;

export const sdgWebModule: WebModule = {
  name: 'sdg',
  title: { ko: '지속가능발전과 인권도시 네트워크', en: 'Sustainable development and the network of cities' },
  routes: [
    { path: goalsPath, access: 'public', page: () => import('./goals-page.tsx') },
    { path: `${goalsPath}/goals/:goal`, access: 'public', page: () => import('./goal-page.tsx') },
    { path: agendasPath, access: 'public', page: () => import('./agendas-page.tsx') },
    { path: agenda2030Path, access: 'public', page: () => import('./agenda-2030-page.tsx') },
    {
      path: `${agenda2030Path}/:year`,
      access: 'public',
      page: () => import('./published-assessment-page.tsx'),
    },
    { path: assessmentsPath, access: office, page: () => import('./assessments-page.tsx') },
    { path: `${assessmentsPath}/:year`, access: office, page: () => import('./assessment-page.tsx') },
    { path: comparisonPath, access: 'public', page: () => import('./comparison-page.tsx') },
    { path: peersPath, access: office, page: () => import('./peers-page.tsx') },
  ],
  navigation: [
    { path: goalsPath, label: { ko: '지속가능발전목표', en: 'Sustainable Development Goals' } },
    { path: agendasPath, label: { ko: '지속가능발전 의제', en: 'Local SDG agenda' } },
    { path: agenda2030Path, label: { ko: '인권도시 의제 2030', en: 'Human Rights Cities Agenda 2030' } },
    { path: comparisonPath, label: { ko: '인권도시 네트워크', en: 'Network of cities' } },
    {
      path: assessmentsPath,
      label: { ko: '의제 2030 자체 평가', en: 'Agenda 2030 self-assessment' },
      roles: office.roles,
    },
    { path: peersPath, label: { ko: '연결 도시 관리', en: 'Peer cities' }, roles: office.roles },
  ],
};
