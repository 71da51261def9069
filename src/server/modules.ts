/**
 * Every module of the platform, in the order their migrations and seeds run: the kernel's own
 * services first, then the domain modules. Adding a module means adding one line here (and one in
 * `src/web/modules.ts`).
 */
import { auditModule } from '../kernel/server/audit/module.ts';
import type { ServerModule } from '../kernel/server/module.ts';

export const modules: readonly ServerModule[] = [auditModule];
