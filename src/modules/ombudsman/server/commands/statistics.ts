/**
 * Annual statistics for the committee and the public: anonymised, and every count derived from case
 * records from one to four shown as "<5" (a small cell can point at a person: one complaint against
 * one facility in one year); 0 is shown as 0. The office's published totals (2018, from the dataset)
 * are public already and shown as published; what they do not give (recommendations in 2018) and the
 * platform holds no records of for that year is "not recorded", not a count.
 */

import { sql } from 'kysely';
import { cityZoneSql } from '../../../../kernel/server/city/clock.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { countedStatistic, publishedStatistic, smallCell } from '../../../../kernel/shared/statistic.ts';
import type { AnnualStatistics } from '../../contract.ts';
import { ombudsmanDb } from '../tables.ts';

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

const cityYear = (column: string) =>
  sql<number>`extract(year from ${sql.ref(column)} at time zone ${cityZoneSql()})::integer`;

function grouped(rows: readonly { year: number; key: string; count: number }[], year: number) {
  return Object.fromEntries(
    rows.filter((row) => row.year === year).map((row) => [row.key, countedStatistic(row.count)]),
  );
}

export async function annualStatistics(db: Db): Promise<AnnualStatistics> {
  const om = ombudsmanDb(db);
  const [published, counselling, cases, rights, respondentTypes, outcomes, recommendations, closed] =
    await Promise.all([
      om.selectFrom('ombudsman_annual').selectAll().execute(),
      om
        .selectFrom('ombudsman_counselling')
        .select([
          sql<number>`substr(held_on, 1, 4)::integer`.as('year'),
          sql<number>`count(*)::integer`.as('count'),
        ])
        .groupBy(sql`1`)
        .execute(),
      om
        .selectFrom('ombudsman_cases')
        .select([cityYear('received_at').as('year'), sql<number>`count(*)::integer`.as('count')])
        .groupBy(sql`1`)
        .execute(),
      sql<{ year: number; key: string; count: number }>`
      select extract(year from received_at at time zone ${cityZoneSql()})::integer as year, r as key, count(*)::integer as count
      from ombudsman_cases, unnest(rights) as r group by 1, 2`.execute(db),
      om
        .selectFrom('ombudsman_cases')
        .select([
          cityYear('received_at').as('year'),
          'respondent_type as key',
          sql<number>`count(*)::integer`.as('count'),
        ])
        .groupBy(sql`1, 2`)
        .execute(),
      om
        .selectFrom('ombudsman_cases')
        .select([
          cityYear('received_at').as('year'),
          sql<string>`coalesce(decision, closed_reason, 'open')`.as('key'),
          sql<number>`count(*)::integer`.as('count'),
        ])
        .groupBy(sql`1, 2`)
        .execute(),
      om
        .selectFrom('ombudsman_recommendations')
        .where('issued_at', 'is not', null)
        .select([
          cityYear('issued_at').as('year'),
          sql<number>`count(*)::integer`.as('issued'),
          sql<number>`count(*) filter (where response in ('accepted', 'partly_accepted'))::integer`.as(
            'accepted',
          ),
          sql<number>`count(*) filter (where implemented)::integer`.as('implemented'),
        ])
        .groupBy(sql`1`)
        .execute(),
      om
        .selectFrom('ombudsman_cases')
        .where('closed_at', 'is not', null)
        .select([
          cityYear('closed_at').as('year'),
          sql<number>`extract(epoch from (closed_at - received_at)) / 86400`.as('days'),
        ])
        .execute(),
    ]);
  // A year the platform holds any record of: there, a count of nothing is a true 0.
  const recorded = new Set<number>([
    ...counselling.map((row) => row.year),
    ...cases.map((row) => row.year),
    ...recommendations.map((row) => row.year),
    ...closed.map((row) => row.year),
  ]);
  const years = new Set<number>([...published.map((row) => row.year), ...recorded]);
  return {
    years: [...years]
      .sort((a, b) => a - b)
      .map((year) => {
        const publishedRow = published.find((row) => row.year === year);
        const fromRecords = (count: number | undefined) =>
          countedStatistic(recorded.has(year) ? (count ?? 0) : undefined);
        const counted = (rows: readonly { year: number; count: number }[]) =>
          fromRecords(rows.find((row) => row.year === year)?.count);
        const recommendationRow = recommendations.find((row) => row.year === year);
        const closedDays = closed.filter((row) => row.year === year).map((row) => Number(row.days));
        return {
          year,
          source: publishedRow ? ('published' as const) : ('records' as const),
          counsellingSessions: publishedRow
            ? publishedStatistic(publishedRow.counselling_sessions)
            : counted(counselling),
          casesRegistered: publishedRow ? publishedStatistic(publishedRow.cases_registered) : counted(cases),
          byRight: grouped(rights.rows, year),
          byRespondentType: grouped(respondentTypes, year),
          byOutcome: grouped(outcomes, year),
          recommendationsIssued: fromRecords(recommendationRow?.issued),
          recommendationsAccepted: fromRecords(recommendationRow?.accepted),
          recommendationsImplemented: fromRecords(recommendationRow?.implemented),
          medianDaysToClose: closedDays.length >= smallCell ? median(closedDays) : null,
          note: publishedRow?.note ?? null,
        };
      }),
  };
}
