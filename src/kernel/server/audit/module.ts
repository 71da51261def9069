import type { ServerModule } from '../module.ts';

export const auditModule: ServerModule = {
  name: 'audit',
  migrations: new URL('./migrations/', import.meta.url),
};
