/** The portal's own pages: the site search, the open-data catalogue with a codebook per dataset, the annual report. */
import type { WebModule } from '../../module.ts';

export const portalWebModule: WebModule = {
  name: 'portal',
  title: { ko: '포털', en: 'Portal' },
  routes: [
    { path: '/search', access: 'public', page: () => import('./search-page.tsx') },
    { path: '/open-data', access: 'public', page: () => import('./open-data-page.tsx') },
    { path: '/open-data/:id', access: 'public', page: () => import('./dataset-page.tsx') },
    { path: '/report', access: 'public', page: () => import('./report-page.tsx') },
  ],
  navigation: [
    { path: '/open-data', label: { ko: '공공데이터', en: 'Open data' } },
    { path: '/report', label: { ko: '연례 보고서', en: 'Annual report' } },
  ],
};
