/** The front page; it belongs to no module, and is registered like one. */
import type { WebModule } from '../../../kernel/web/module.ts';

export const homeWebModule: WebModule = {
  name: 'home',
  title: { ko: '홈', en: 'Home' },
  routes: [{ path: '/', access: 'public', page: () => import('./home-page.tsx') }],
  navigation: [],
};
