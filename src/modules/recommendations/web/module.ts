/**
 * The register's pages: for everyone, the public tracker and each public recommendation with its
 * timeline; for the office and the departments, the staff list, recording, answering and the steps.
 */
import type { WebModule } from '../../../kernel/web/module.ts';
import { staffPath, staffUnImportPath, trackerPath } from './paths.ts';

// The ombudsman reads the ombudsman's recommendations there and publishes their anonymised summaries.
const staff = { roles: ['admin', 'officer', 'department', 'ombudsman'] } as const;
const office = { roles: ['admin', 'officer'] } as const;

export const recommendationsWebModule: WebModule = {
  name: 'recommendations',
  title: { ko: '권고', en: 'Recommendations' },
  routes: [
    { path: trackerPath, access: 'public', page: () => import('./tracker-page.tsx') },
    { path: `${trackerPath}/:id`, access: 'public', page: () => import('./recommendation-page.tsx') },
    { path: staffPath, access: staff, page: () => import('./staff-page.tsx') },
    // Before `:id`, which would take `un-import` for a record's id.
    { path: staffUnImportPath, access: office, page: () => import('./staff-un-import-page.tsx') },
    { path: `${staffPath}/:id`, access: staff, page: () => import('./staff-recommendation-page.tsx') },
  ],
  navigation: [
    { path: trackerPath, label: { ko: '권고 이행 현황', en: 'Recommendations' } },
    { path: staffPath, label: { ko: '권고 관리', en: 'Recommendations (staff)' }, roles: staff.roles },
    {
      path: staffUnImportPath,
      label: { ko: '유엔 권고 가져오기', en: 'Import UN recommendations' },
      roles: office.roles,
    },
  ],
};
