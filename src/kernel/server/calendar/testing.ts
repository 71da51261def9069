/** For tests: the city's calendar loaded from the Gwangju dataset alone (not the whole dataset). */
import type { Database } from '../db.ts';
import { loadDataset } from '../seed/load-dataset.ts';
import { calendarModule } from './module.ts';

export async function loadCityCalendar(database: Database): Promise<void> {
  await loadDataset({ database, modules: [calendarModule], city: 'gwangju', reset: false, demo: false });
}
