/**
 * Every web module, in menu order: the front page, the kernel's services, then the domain modules.
 * Adding a module's pages means adding its web manifest here (and its server manifest in
 * `src/server/modules.ts`).
 */

import type { WebModule } from '../kernel/web/module.ts';
import { kernelWebModules } from '../kernel/web/pages/modules.ts';
import { assessmentsWebModule } from '../modules/assessments/web/module.ts';
import { charterWebModule } from '../modules/charter/web/module.ts';
import { committeesWebModule } from '../modules/committees/web/module.ts';
import { educationWebModule } from '../modules/education/web/module.ts';
import { forumWebModule } from '../modules/forum/web/module.ts';
import { grantsWebModule } from '../modules/grants/web/module.ts';
import { indicatorsWebModule } from '../modules/indicators/web/module.ts';
import { ombudsmanWebModule } from '../modules/ombudsman/web/module.ts';
import { planWebModule } from '../modules/plan/web/module.ts';
import { recommendationsWebModule } from '../modules/recommendations/web/module.ts';
import { sdgWebModule } from '../modules/sdg/web/module.ts';
import { homeWebModule } from './pages/home/module.ts';

export const webModules: readonly WebModule[] = [
  homeWebModule,
  ...kernelWebModules,
  ombudsmanWebModule,
  indicatorsWebModule,
  committeesWebModule,
  planWebModule,
  assessmentsWebModule,
  forumWebModule,
  educationWebModule,
  charterWebModule,
  grantsWebModule,
  sdgWebModule,
  recommendationsWebModule,
];
