/**
 * The plan's pages: for everyone, the basic plans, each year's accountability page and each task's
 * timeline; for staff, the tasks of a year (a department sees its own), a task with its reports,
 * review and comments, and for the office adding, importing and exporting tasks.
 */
import type { WebModule } from '../../../kernel/web/module.ts';
import { plansPath, staffPath } from './paths.ts';

const staffReaders = { roles: ['admin', 'officer', 'department', 'committee'] } as const;

export const planWebModule: WebModule = {
  name: 'plan',
  title: { ko: '인권도시 기본계획', en: 'Human rights city basic plan' },
  routes: [
    { path: plansPath, access: 'public', page: () => import('./plans-page.tsx') },
    { path: `${plansPath}/:year`, access: 'public', page: () => import('./year-page.tsx') },
    { path: `${plansPath}/tasks/:id`, access: 'public', page: () => import('./task-page.tsx') },
    { path: staffPath, access: staffReaders, page: () => import('./staff-page.tsx') },
    { path: `${staffPath}/tasks/:id`, access: staffReaders, page: () => import('./staff-task-page.tsx') },
  ],
  navigation: [
    { path: plansPath, label: { ko: '기본계획과 시행계획', en: 'Basic and action plans' } },
    {
      path: staffPath,
      label: { ko: '시행계획 과제 관리', en: 'Action plan tasks' },
      roles: staffReaders.roles,
    },
  ],
};
