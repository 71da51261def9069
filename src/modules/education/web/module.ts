/**
 * The education pages: for everyone, Table 3 with its chart, coverage by year and the public
 * programmes; for the office (and, reading, the citizens' committee), the programmes, their sessions,
 * attendance sheets and the population per year.
 */
import type { WebModule } from '../../../kernel/web/module.ts';
import { educationPath, staffPath } from './paths.ts';

const staffReaders = { roles: ['admin', 'officer', 'committee'] } as const;

export const educationWebModule: WebModule = {
  name: 'education',
  title: { ko: '인권교육', en: 'Human rights education' },
  routes: [
    { path: educationPath, access: 'public', page: () => import('./education-page.tsx') },
    { path: `${educationPath}/programmes/:id`, access: 'public', page: () => import('./programme-page.tsx') },
    { path: staffPath, access: staffReaders, page: () => import('./staff-page.tsx') },
    {
      path: `${staffPath}/programmes/:id`,
      access: staffReaders,
      page: () => import('./staff-programme-page.tsx'),
    },
  ],
  navigation: [
    { path: educationPath, label: { ko: '인권교육', en: 'Human rights education' } },
    { path: staffPath, label: { ko: '인권교육 관리', en: 'Education (staff)' }, roles: staffReaders.roles },
  ],
};
