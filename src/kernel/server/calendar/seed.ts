/** Loads the city's public holidays and the years they cover (`public-holidays.csv`, `public-holiday-years.csv`). */
import type { SeedContext } from '../module.ts';
import { DatasetError, integer, matching, readCsv, text } from '../seed/dataset-files.ts';

const isoDate = matching(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export async function seedCalendar(context: SeedContext): Promise<void> {
  const years = await readCsv(context, 'public-holiday-years.csv', { year: integer }, { key: 'year' });
  const holidays = await readCsv(
    context,
    'public-holidays.csv',
    { date: isoDate, name_ko: text, name_en: text },
    { key: 'date' },
  );
  const covered = new Set(years.map((row) => row.year));
  for (const holiday of holidays) {
    if (!covered.has(Number(holiday.date.slice(0, 4)))) {
      throw new DatasetError(
        `${holiday.origin.file}, line ${holiday.origin.line}: ${holiday.date} is in a year that public-holiday-years.csv does not list`,
      );
    }
  }
  const trx = context.trx.withTables<{
    calendar_years: { year: number };
    calendar_holidays: { date: string; name_ko: string; name_en: string };
  }>();
  if (years.length > 0)
    await trx
      .insertInto('calendar_years')
      .values(years.map(({ year }) => ({ year })))
      .execute();
  if (holidays.length > 0) {
    await trx
      .insertInto('calendar_holidays')
      .values(holidays.map(({ date, name_ko, name_en }) => ({ date, name_ko, name_en })))
      .execute();
  }
}
