/**
 * The human rights indicators' pages: for everyone, the overview by area and a page per indicator;
 * for staff, the yearly assessment cycle (run by the office, read by departments and the committee)
 * and the import of an indicator's data (the office any indicator's, a department its own).
 */
import type { WebModule } from '../../../kernel/web/module.ts';
import {
  cyclesPath,
  entryPath,
  importPath,
  overviewPath,
  questionnairePath,
  reportPath,
  targetsPath,
} from './paths.ts';

const cycleReaders = { roles: ['admin', 'officer', 'department', 'committee'] } as const;
const dataEntry = { roles: ['admin', 'officer', 'department'] } as const;
const reportReaders = { roles: ['admin', 'officer', 'committee'] } as const;

export const indicatorsWebModule: WebModule = {
  name: 'indicators',
  title: { ko: '인권지표', en: 'Human rights indicators' },
  routes: [
    { path: overviewPath, access: 'public', page: () => import('./overview-page.tsx') },
    { path: `${overviewPath}/:code`, access: 'public', page: () => import('./indicator-page.tsx') },
    { path: cyclesPath, access: cycleReaders, page: () => import('./cycles-page.tsx') },
    { path: importPath, access: dataEntry, page: () => import('./import-page.tsx') },
    { path: questionnairePath, access: 'public', page: () => import('./questionnaire-page.tsx') },
    { path: targetsPath, access: cycleReaders, page: () => import('./targets-page.tsx') },
    { path: entryPath, access: dataEntry, page: () => import('./entry-page.tsx') },
    { path: reportPath, access: reportReaders, page: () => import('./report-page.tsx') },
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
    {
      path: targetsPath,
      label: { ko: '인권지표 목표와 추진계획', en: 'Indicator targets and plans' },
      roles: cycleReaders.roles,
    },
    {
      path: entryPath,
      label: { ko: '인권지표 값 입력', en: 'Indicator value entry' },
      roles: dataEntry.roles,
    },
    {
      path: reportPath,
      label: { ko: '인권지표 평가 보고서', en: 'Indicator assessment report' },
      roles: reportReaders.roles,
    },
  ],
};
