/** The vocabularies' pages: public browsing of every vocabulary and term, and staff upkeep of rights. */
import type { WebModule } from '../../module.ts';

export const vocabulariesWebModule: WebModule = {
  name: 'vocabularies',
  title: { ko: '공통 용어', en: 'Shared vocabularies' },
  routes: [
    { path: '/vocabularies', access: 'public', page: () => import('./vocabularies-page.tsx') },
    { path: '/vocabularies/:vocabulary', access: 'public', page: () => import('./vocabulary-page.tsx') },
    { path: '/vocabularies/:vocabulary/:code', access: 'public', page: () => import('./term-page.tsx') },
    {
      path: '/staff/rights',
      access: { roles: ['admin', 'officer'] },
      page: () => import('./rights-page.tsx'),
    },
  ],
  navigation: [
    { path: '/vocabularies', label: { ko: '공통 용어', en: 'Vocabularies' } },
    {
      path: '/staff/rights',
      label: { ko: '인권헌장 조항', en: 'Charter articles' },
      roles: ['admin', 'officer'],
    },
  ],
};
