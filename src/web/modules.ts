/**
 * Every web module, in menu order: the front page, the kernel's services, then the domain modules.
 * Adding a module's pages means adding its web manifest here (and its server manifest in
 * `src/server/modules.ts`).
 */

import type { WebModule } from '../kernel/web/module.ts';
import { kernelWebModules } from '../kernel/web/pages/modules.ts';
import { indicatorsWebModule } from '../modules/indicators/web/module.ts';
import { ombudsmanWebModule } from '../modules/ombudsman/web/module.ts';
import { homeWebModule } from './pages/home/module.ts';

export const webModules: readonly WebModule[] = [
  homeWebModule,
  ...kernelWebModules,
  ombudsmanWebModule,
  indicatorsWebModule,
];
