/** My work: the landing page after sign-in, for every signed-in user. */
import { roles } from '../../../shared/roles.ts';
import type { WebModule } from '../../module.ts';

export const myWorkPath = '/staff/my-work';

export const workWebModule: WebModule = {
  name: 'work',
  title: { ko: '내 업무', en: 'My work' },
  routes: [{ path: myWorkPath, access: 'authenticated', page: () => import('./my-work-page.tsx') }],
  navigation: [{ path: myWorkPath, label: { ko: '내 업무', en: 'My work' }, roles }],
};
