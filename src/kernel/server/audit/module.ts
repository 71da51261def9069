import type { ServerModule } from '../module.ts';
import { auditRoutes } from './routes.ts';

export const auditModule: ServerModule = {
  name: 'audit',
  migrations: new URL('./migrations/', import.meta.url),
  routes: auditRoutes,
};
