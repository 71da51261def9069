/**
 * The city's calendar: public holidays from the dataset, and working-day arithmetic over them
 * (`working-days.ts`), for any module's due dates. It knows no module.
 */
import type { ServerModule } from '../module.ts';
import { seedCalendar } from './seed.ts';

export const calendarModule: ServerModule = {
  name: 'calendar',
  migrations: new URL('./migrations/', import.meta.url),
  seed: seedCalendar,
  seedTables: ['calendar_holidays', 'calendar_years'],
};
