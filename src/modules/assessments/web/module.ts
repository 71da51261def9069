/**
 * The assessments pages: for everyone, the figures and the summaries of closed assessments, one
 * summary, and the comparison of municipal enterprises; for the office and departments, the work
 * (subjects, requests, an assessment through its steps, a subject's timeline); for the office, the
 * templates.
 */
import type { WebModule } from '../../../kernel/web/module.ts';
import { enterprisesPath, publicPath, templatesPath, workPath } from './paths.ts';

const staff = { roles: ['admin', 'officer', 'department'] } as const;
const office = { roles: ['admin', 'officer'] } as const;

export const assessmentsWebModule: WebModule = {
  name: 'assessments',
  title: { ko: '인권영향평가', en: 'Human rights impact assessment' },
  routes: [
    { path: publicPath, access: 'public', page: () => import('./public-page.tsx') },
    { path: '/assessments/summaries/:id', access: 'public', page: () => import('./summary-page.tsx') },
    { path: enterprisesPath, access: 'public', page: () => import('./enterprises-page.tsx') },
    { path: workPath, access: staff, page: () => import('./work-page.tsx') },
    { path: '/assessments/work/:id', access: staff, page: () => import('./assessment-page.tsx') },
    { path: '/assessments/subjects/:id', access: staff, page: () => import('./subject-page.tsx') },
    { path: templatesPath, access: office, page: () => import('./templates-page.tsx') },
    {
      path: '/assessments/templates/:key/versions',
      access: office,
      page: () => import('./template-versions-page.tsx'),
    },
  ],
  navigation: [
    { path: publicPath, label: { ko: '인권영향평가', en: 'Human rights impact assessment' } },
    { path: workPath, label: { ko: '인권영향평가 업무', en: 'Impact assessment work' }, roles: staff.roles },
    { path: templatesPath, label: { ko: '평가표', en: 'Assessment templates' }, roles: office.roles },
  ],
};
