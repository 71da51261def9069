/**
 * The charter pages: for everyone, the Gwangju Human Rights Charter with its articles, publications
 * and contests; for the office, publications and the yearly promotion contest.
 */
import type { WebModule } from '../../../kernel/web/module.ts';
import { charterPath, staffPath } from './paths.ts';

const office = { roles: ['admin', 'officer'] } as const;

export const charterWebModule: WebModule = {
  name: 'charter',
  title: { ko: '광주인권헌장', en: 'Gwangju Human Rights Charter' },
  routes: [
    { path: charterPath, access: 'public', page: () => import('./charter-page.tsx') },
    { path: staffPath, access: office, page: () => import('./staff-page.tsx') },
    { path: `${staffPath}/contests/:id`, access: office, page: () => import('./contest-page.tsx') },
  ],
  navigation: [
    { path: charterPath, label: { ko: '광주인권헌장', en: 'Human Rights Charter' } },
    { path: staffPath, label: { ko: '인권헌장 홍보 관리', en: 'Charter promotion' }, roles: office.roles },
  ],
};
