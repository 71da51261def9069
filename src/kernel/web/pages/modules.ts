/** The kernel services' web manifests, registered like any module's (see `src/web/modules.ts`). */
import type { WebModule } from '../module.ts';
import { accountsWebModule } from './accounts/module.ts';
import { auditWebModule } from './audit/module.ts';
import { figuresWebModule } from './figures/module.ts';
import { notificationsWebModule } from './notifications/module.ts';
import { portalWebModule } from './portal/module.ts';
import { vocabulariesWebModule } from './vocabularies/module.ts';

/** In menu order (accounts first: its dashboard leads the staff menu). */
export const kernelWebModules: readonly WebModule[] = [
  accountsWebModule,
  notificationsWebModule,
  figuresWebModule,
  vocabulariesWebModule,
  portalWebModule,
  auditWebModule,
];
