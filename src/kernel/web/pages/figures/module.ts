/**
 * "the city in figures", the public face of the seed module's figures (hence the module's name: tagged
 * figures are grouped under it on a term's page).
 */
import type { WebModule } from '../../module.ts';

export const figuresWebModule: WebModule = {
  name: 'seed',
  title: { ko: '숫자로 보는 {{cityKo}}', en: '{{cityEn}} in figures' },
  routes: [{ path: '/figures', access: 'public', page: () => import('./figures-page.tsx') }],
  navigation: [{ path: '/figures', label: { ko: '숫자로 보는 {{cityKo}}', en: '{{cityEn}} in figures' } }],
};
