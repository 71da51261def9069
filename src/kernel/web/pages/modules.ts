/** The kernel services' web manifests, registered like any module's (see `src/web/modules.ts`). */
import type { WebModule } from '../module.ts';
import { accountsWebModule } from './accounts/module.ts';
import { auditWebModule } from './audit/module.ts';
import { figuresWebModule } from './figures/module.ts';
import { notificationsWebModule } from './notifications/module.ts';
import { portalWebModule } from './portal/module.ts';
import { vocabulariesWebModule } from './vocabularies/module.ts';
import { workWebModule } from './work/module.ts';

/** In menu order (My work first: it is where staff land after signing in; then the dashboard). */
export const kernelWebModules: readonly WebModule[] = [
  workWebModule,
  accountsWebModule,
  notificationsWebModule,
  figuresWebModule,
  vocabulariesWebModule,
  portalWebModule,
  auditWebModule,
];
