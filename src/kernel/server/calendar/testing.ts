/** For tests: a city's calendar loaded from its dataset alone (not the whole dataset); Gwangju's by default. */
import type { Database } from '../db.ts';
import { loadDataset } from '../seed/load-dataset.ts';
import { calendarModule } from './module.ts';

export async function loadCityCalendar(database: Database, city = 'gwangju'): Promise<void> {
  await loadDataset({ database, modules: [calendarModule], city, reset: false, demo: false });
}
