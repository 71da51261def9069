/**
 * The grants pages: for everyone, the programmes with Table 4, the calls and the awarded grants; for
 * organisations, their profile and applications (drafts, submission, reports); for the office, the
 * calls and the review of applications (declarations, scores, selection, award, tranches).
 */
import type { WebModule } from '../../../kernel/web/module.ts';
import { officePath, organisationPath, overviewPath } from './paths.ts';

const office = { roles: ['admin', 'officer'] } as const;
const organisations = { roles: ['organisation'] } as const;
const applicationReaders = { roles: ['admin', 'officer', 'organisation'] } as const;

export const grantsWebModule: WebModule = {
  name: 'grants',
  title: { ko: '인권단체·인권마을 지원', en: 'Grants to organisations and neighbourhoods' },
  routes: [
    { path: overviewPath, access: 'public', page: () => import('./overview-page.tsx') },
    { path: `${overviewPath}/calls/:id`, access: 'public', page: () => import('./call-page.tsx') },
    { path: organisationPath, access: organisations, page: () => import('./organisation-page.tsx') },
    {
      path: `${overviewPath}/applications/:id`,
      access: applicationReaders,
      page: () => import('./application-page.tsx'),
    },
    { path: officePath, access: office, page: () => import('./office-page.tsx') },
  ],
  navigation: [
    { path: overviewPath, label: { ko: '인권단체·인권마을 지원', en: 'Grants' } },
    {
      path: organisationPath,
      label: { ko: '우리 단체의 신청', en: 'Our applications' },
      roles: organisations.roles,
    },
    { path: officePath, label: { ko: '지원사업 심사', en: 'Grant review' }, roles: office.roles },
  ],
};
