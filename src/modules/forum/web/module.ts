/**
 * The forum's pages: for everyone, the forum with Table 5, each edition (programme and registration)
 * and the UN register; for the Human Rights Office, editions with their programme and registrants,
 * and the links from UN documents to the records that answer them.
 */
import type { WebModule } from '../../../kernel/web/module.ts';
import { overviewPath, staffPath, staffUnPath, unPagePath } from './paths.ts';

const office = { roles: ['admin', 'officer'] } as const;

export const forumWebModule: WebModule = {
  name: 'forum',
  title: { ko: '세계인권도시포럼', en: 'World Human Rights Cities Forum' },
  routes: [
    { path: overviewPath, access: 'public', page: () => import('./overview-page.tsx') },
    { path: unPagePath, access: 'public', page: () => import('./un-page.tsx') },
    { path: `${overviewPath}/:year`, access: 'public', page: () => import('./edition-page.tsx') },
    { path: staffPath, access: office, page: () => import('./staff-editions-page.tsx') },
    { path: `${staffPath}/editions/:year`, access: office, page: () => import('./staff-edition-page.tsx') },
    { path: staffUnPath, access: office, page: () => import('./staff-un-page.tsx') },
  ],
  navigation: [
    { path: overviewPath, label: { ko: '세계인권도시포럼', en: 'World Human Rights Cities Forum' } },
    { path: unPagePath, label: { ko: '유엔 인권 체계와의 연계', en: 'Links with the UN' } },
    { path: staffPath, label: { ko: '세계인권도시포럼 운영', en: 'Forum editions' }, roles: office.roles },
    { path: staffUnPath, label: { ko: '유엔 문서 연결', en: 'UN document links' }, roles: office.roles },
  ],
};
