/** Rate limits on public writes: the counters' table (see `limits.ts`). */
import type { ServerModule } from '../module.ts';

export const rateLimitModule: ServerModule = {
  name: 'ratelimit',
  migrations: new URL('./migrations/', import.meta.url),
};
