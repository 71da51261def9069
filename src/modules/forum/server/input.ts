/**
 * Input that passes the schema yet cannot be stored: a date outside the years the database's date
 * types take (ISO allows year 0000, PostgreSQL has no year 0). Lone surrogates, which jsonb refuses,
 * are replaced for every route by the kernel (`input-guards.ts`).
 */
import { fieldError } from '../../../kernel/server/errors.ts';

/** The forum's editions are named by these years (`editionYearSchema`); their dates lie within them. */
const firstYear = 1990;
const lastYear = 2200;

/** Refuses a date or date-time (`YYYY-…`) whose year is outside the forum's years, naming the field. */
export function checkForumYear(field: string, value: string | null): void {
  if (value === null) return;
  const year = Number(value.slice(0, 4));
  if (year >= firstYear && year <= lastYear) return;
  throw fieldError(field, 'year_out_of_range', {
    ko: `${firstYear}년부터 ${lastYear}년 사이의 날짜를 적어 주세요.`,
    en: `Give a date between ${firstYear} and ${lastYear}.`,
  });
}
