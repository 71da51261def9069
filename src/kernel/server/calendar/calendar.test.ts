import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../testing.ts';
import { loadCityCalendar } from './testing.ts';
import {
  addWorkingDays,
  type Calendar,
  cityDate,
  loadCalendar,
  workingDaysBetween,
  workingTime,
} from './working-days.ts';

describe('the city calendar', () => {
  let app: TestApp;
  let calendar: Calendar;

  before(async () => {
    app = await createTestApp();
    await loadCityCalendar(app.database);
    calendar = await loadCalendar(app.database.db);
  });
  after(() => app.close());

  it('is loaded from the dataset with the years it covers', async () => {
    const lines = (
      await readFile(new URL('../../../../datasets/gwangju/public-holidays.csv', import.meta.url), 'utf8')
    )
      .trim()
      .split('\n');
    assert.equal(calendar.holidays.size, lines.length - 1);
    assert.deepEqual([...calendar.years].sort(), [2024, 2025, 2026, 2027]);
    assert.equal(calendar.holidays.get('2025-10-06')?.en, 'Chuseok');
  });

  it('counts working days across Chuseok 2025 and its substitute holiday', () => {
    // Thursday 2 October to Friday 10 October 2025: the 3rd (National Foundation Day), the 6th to the
    // 8th (Chuseok and its substitute), the 9th (Hangeul Day) and the weekend are off; the 10th counts.
    assert.deepEqual(workingDaysBetween(calendar, '2025-10-02', '2025-10-10'), {
      days: 1,
      uncoveredYears: [],
    });
    // Monday to the next Monday, no holiday: five.
    assert.equal(workingDaysBetween(calendar, '2025-11-03', '2025-11-10').days, 5);
    assert.equal(workingDaysBetween(calendar, '2025-11-10', '2025-11-03').days, 0);
  });

  it('counts fractional working time on Seoul days', () => {
    // From Friday noon in Seoul to Tuesday noon: half of Friday, Monday, half of Tuesday.
    const start = new Date('2025-11-07T12:00:00+09:00');
    const end = new Date('2025-11-11T12:00:00+09:00');
    assert.deepEqual(workingTime(calendar, start, end), { days: 2, uncoveredYears: [] });
  });

  it('says when a count leaves the covered years, counting weekends only there', () => {
    const count = workingDaysBetween(calendar, '2027-12-30', '2028-01-04');
    // 31 December 2027 (Friday), and 3 and 4 January 2028 (1 January 2028 is a Saturday; no list for 2028).
    assert.deepEqual(count, { days: 3, uncoveredYears: [2028] });
  });
});

/** The same rules on the second city's calendar: its own holidays, its own (Mexico City) days. */
describe('the city calendar of the sample city', () => {
  let app: TestApp;
  let calendar: Calendar;

  before(async () => {
    app = await createTestApp({ env: { RIGHTSCITY_CITY: 'sample-city' } });
    await loadCityCalendar(app.database, 'sample-city');
    calendar = await loadCalendar(app.database.db);
  });
  after(() => app.close());

  it("is loaded from the sample city's dataset, not Gwangju's", () => {
    assert.deepEqual([...calendar.years].sort(), [2025, 2026, 2027]);
    assert.equal(calendar.holidays.get('2026-03-16')?.en, 'Sample City Foundation Day');
    assert.equal(calendar.holidays.get('2025-10-06'), undefined, 'Chuseok is not its holiday');
  });

  it('dates an instant by the Mexico City day, which UTC has already left', () => {
    // 03:00 UTC on Tuesday the 10th is 21:00 on Monday the 9th in Mexico City (UTC−6).
    assert.equal(cityDate(new Date('2026-03-10T03:00:00Z')), '2026-03-09');
    // Three working days from Monday the 9th: the 12th; from the UTC date it would be the 13th.
    assert.equal(addWorkingDays(calendar, cityDate(new Date('2026-03-10T03:00:00Z')), 3).date, '2026-03-12');
  });

  it('counts fractional working time on Mexico City days, skipping its Foundation Day', () => {
    // Friday noon to Tuesday noon in Mexico City: half of Friday, Monday the 16th is Foundation Day,
    // half of Tuesday.
    const start = new Date('2026-03-13T12:00:00-06:00');
    const end = new Date('2026-03-17T12:00:00-06:00');
    assert.deepEqual(workingTime(calendar, start, end), { days: 1, uncoveredYears: [] });
  });

  it('says when a count leaves its covered years', () => {
    // 31 December 2027 (Friday) is not its holiday; 3 and 4 January 2028 are in a year it does not list.
    assert.deepEqual(workingDaysBetween(calendar, '2027-12-30', '2028-01-04'), {
      days: 3,
      uncoveredYears: [2028],
    });
  });
});
