/**
 * The human rights indicators' pages: for everyone, the overview by area and a page per indicator;
 * for staff, the yearly assessment cycle (run by the office, read by departments and the committee)
 * and the import of an indicator's data (the office any indicator's, a department its own).
 */
import type { WebModule } from '../../../kernel/web/module.ts';
import { cyclesPath, importPath, overviewPath } from './paths.ts';

const cycleReaders = { roles: ['admin', 'officer', 'department', 'committee'] } as const;
const dataEntry = { roles: ['admin', 'officer', 'department'] } as const;

export const indicatorsWebModule: WebModule = {
  name: 'indicators',
  title: { ko: '인권지표', en: 'Human rights indicators' },
  routes: [
    { path: overviewPath, access: 'public', page: () => import('./overview-page.tsx') },
    { path: `${overviewPath}/:code`, access: 'public', page: () => import('./indicator-page.tsx') },
    { path: cyclesPath, access: cycleReaders, page: () => import('./cycles-page.tsx') },
    { path: importPath, access: dataEntry, page: () => import('./import-page.tsx') },
  ],
  navigation: [
    { path: overviewPath, label: { ko: '인권지표', en: 'Human rights indicators' } },
    {
      path: cyclesPath,
      label: { ko: '인권지표 평가 주기', en: 'Indicator assessment cycle' },
      roles: cycleReaders.roles,
    },
    {
      path: importPath,
      label: { ko: '인권지표 자료 올리기', en: 'Indicator data import' },
      roles: dataEntry.roles,
    },
  ],
};
