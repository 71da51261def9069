/**
 * Every module of the platform, in the order their migrations and seeds run: the kernel's own
 * services first, then the domain modules. Adding a module means adding one line here (and one in
 * `src/web/modules.ts`).
 */
import { accountsModule } from '../kernel/server/accounts/module.ts';
import { auditModule } from '../kernel/server/audit/module.ts';
import { calendarModule } from '../kernel/server/calendar/module.ts';
import { filesModule } from '../kernel/server/files/module.ts';
import { jobsModule } from '../kernel/server/jobs/module.ts';
import type { ServerModule } from '../kernel/server/module.ts';
import { notificationsModule } from '../kernel/server/notifications/module.ts';
import { openDataModule } from '../kernel/server/open-data/module.ts';
import { portalModule } from '../kernel/server/portal/module.ts';
import { rateLimitModule } from '../kernel/server/rate-limit/module.ts';
import { reportModule } from '../kernel/server/report/module.ts';
import { seedModule } from '../kernel/server/seed/module.ts';
import { sourceModule } from '../kernel/server/source/module.ts';
import { vocabModule } from '../kernel/server/vocabularies/module.ts';
import { workModule } from '../kernel/server/work/module.ts';
import { assessmentsModule } from '../modules/assessments/module.ts';
import { charterModule } from '../modules/charter/module.ts';
import { committeesModule } from '../modules/committees/module.ts';
import { educationModule } from '../modules/education/module.ts';
import { forumModule } from '../modules/forum/module.ts';
import { grantsModule } from '../modules/grants/module.ts';
import { indicatorsModule } from '../modules/indicators/module.ts';
import { ombudsmanModule } from '../modules/ombudsman/module.ts';
import { planModule } from '../modules/plan/module.ts';
import { recommendationsModule } from '../modules/recommendations/module.ts';
import { sdgModule } from '../modules/sdg/module.ts';

export const modules: readonly ServerModule[] = [
  auditModule,
  accountsModule,
  jobsModule,
  notificationsModule,
  rateLimitModule,
  vocabModule,
  filesModule,
  calendarModule,
  seedModule,
  openDataModule,
  portalModule,
  reportModule,
  sourceModule,
  workModule,
  ombudsmanModule,
  indicatorsModule,
  planModule,
  forumModule,
  committeesModule,
  assessmentsModule,
  educationModule,
  grantsModule,
  charterModule,
  sdgModule,
  recommendationsModule,
];
