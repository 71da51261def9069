/**
 * The human rights indicators' pages: for everyone, the overview by area and a page per indicator;
 * for staff, the yearly assessment cycle (run by the office, read by departments and the committee)
 * with a page for the work of each step, in the order of the cycle; the navigation lists them so.
 */
import type { WebModule } from '../../../kernel/web/module.ts';
import {
  actionsPath,
  assessmentsPath,
  correctionsPath,
  cyclesPath,
  entryPath,
  importPath,
  overviewPath,
  publishedResultsPath,
  questionnairePath,
  questionnairesPath,
  reportPath,
  resultsPath,
  targetsPath,
} from './paths.ts';

const cycleReaders = { roles: ['admin', 'officer', 'department', 'committee'] } as const;
const dataEntry = { roles: ['admin', 'officer', 'department'] } as const;
const reportReaders = { roles: ['admin', 'officer', 'committee'] } as const;
const office = { roles: ['admin', 'officer'] } as const;

export const indicatorsWebModule: WebModule = {
  name: 'indicators',
  title: { ko: '인권지표', en: 'Human rights indicators' },
  routes: [
    { path: overviewPath, access: 'public', page: () => import('./overview-page.tsx') },
    { path: `${overviewPath}/:code`, access: 'public', page: () => import('./indicator-page.tsx') },
    {
      path: publishedResultsPath(':year'),
      access: 'public',
      page: () => import('./published-results-page.tsx'),
    },
    { path: correctionsPath, access: office, page: () => import('./corrections-page.tsx') },
    { path: cyclesPath, access: cycleReaders, page: () => import('./cycles-page.tsx') },
    { path: importPath, access: dataEntry, page: () => import('./import-page.tsx') },
    { path: questionnairePath, access: 'public', page: () => import('./questionnaire-page.tsx') },
    { path: targetsPath, access: cycleReaders, page: () => import('./targets-page.tsx') },
    { path: entryPath, access: dataEntry, page: () => import('./entry-page.tsx') },
    { path: reportPath, access: reportReaders, page: () => import('./report-page.tsx') },
    { path: questionnairesPath, access: dataEntry, page: () => import('./questionnaires-page.tsx') },
    { path: assessmentsPath, access: cycleReaders, page: () => import('./assessments-page.tsx') },
    { path: actionsPath, access: cycleReaders, page: () => import('./actions-page.tsx') },
    { path: resultsPath, access: cycleReaders, page: () => import('./results-page.tsx') },
  ],
  navigation: [
    { path: overviewPath, label: { ko: '인권지표', en: 'Human rights indicators' } },
    {
      path: cyclesPath,
      label: { ko: '인권지표 평가 주기', en: 'Indicator assessment cycle' },
      roles: cycleReaders.roles,
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
      path: importPath,
      label: { ko: '인권지표 자료 올리기', en: 'Indicator data import' },
      roles: dataEntry.roles,
    },
    {
      path: questionnairesPath,
      label: { ko: '인권지표 설문', en: 'Indicator questionnaires' },
      roles: dataEntry.roles,
    },
    {
      path: assessmentsPath,
      label: { ko: '인권지표 자체 평가', en: 'Indicator self-assessment' },
      roles: cycleReaders.roles,
    },
    {
      path: reportPath,
      label: { ko: '인권지표 평가 보고서', en: 'Indicator assessment report' },
      roles: reportReaders.roles,
    },
    {
      path: actionsPath,
      label: { ko: '인권지표 보완 조치', en: 'Indicator complementation actions' },
      roles: cycleReaders.roles,
    },
    {
      path: resultsPath,
      label: { ko: '인권지표 결과 취합', en: 'Indicator collection of results' },
      roles: cycleReaders.roles,
    },
    {
      path: correctionsPath,
      label: { ko: '인권지표 값 정정', en: 'Indicator value corrections' },
      roles: office.roles,
    },
  ],
};
