/**
 * Staff search over cases, in Korean and English, with filters. The same access rules as a case
 * file: officers and standing ombudsmen search every case, a non-standing ombudsman only the cases
 * assigned to them. Results are summaries without identity (the search text holds none); opening a
 * result is a case-file read, logged with its purpose.
 */

import { sql } from 'kysely';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { cityZoneSql } from '../../../../kernel/server/city/clock.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { forbidden } from '../../../../kernel/server/errors.ts';
import type { SearchQuery } from '../../contract.ts';
import { appointmentOf } from '../queries.ts';
import { queryGrams } from '../search-grams.ts';
import { ombudsmanDb } from '../tables.ts';

/** Which cases the user may find: all, only those assigned to them, or none (403). */
async function scopeOf(db: Db, user: SessionUser): Promise<'all' | 'assigned'> {
  if (user.role === 'officer') return 'all';
  const appointment = await appointmentOf(ombudsmanDb(db), user);
  if (appointment) return appointment.standing ? 'all' : 'assigned';
  throw forbidden();
}

/**
 * How many matches past the requested page are counted. Counting every match of a common word means
 * rechecking thousands of case texts (most of a search's time over 100,000 cases); an officer needs
 * "more than 1,000" to narrow the search, not the exact figure.
 */
export const countCap = 1000;

export async function searchCases(db: Db, user: SessionUser, query: SearchQuery) {
  const scope = await scopeOf(db, user);
  const om = ombudsmanDb(db);
  let select = om.selectFrom('ombudsman_cases as c');
  if (scope === 'assigned') {
    select = select.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('ombudsman_assignments as a')
          .select('a.case_id')
          .whereRef('a.case_id', '=', 'c.id')
          .where('a.user_id', '=', user.id),
      ),
    );
  }
  if (query.q) {
    const { grams, words } = queryGrams(query.q);
    if (grams.length > 0) select = select.where(sql<boolean>`c.search_grams @> ${grams}::text[]`);
    for (const word of words) select = select.where(sql<boolean>`strpos(c.search_text, ${word}) > 0`);
  }
  if (query.status) select = select.where('c.status', '=', query.status);
  if (query.right) select = select.where(sql<boolean>`${query.right} = any(c.rights)`);
  if (query.respondent)
    select = select.where(sql<boolean>`strpos(lower(c.respondent), ${query.respondent.toLowerCase()}) > 0`);
  if (query.ombudsman) {
    const ombudsman = query.ombudsman;
    select = select.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('ombudsman_assignments as f')
          .select('f.case_id')
          .whereRef('f.case_id', '=', 'c.id')
          .where('f.user_id', '=', ombudsman),
      ),
    );
  }
  if (query.year) {
    select = select.where(
      sql<boolean>`extract(year from c.received_at at time zone ${cityZoneSql()}) = ${query.year}`,
    );
  }
  const [rows, total] = await Promise.all([
    select
      .select([
        'c.id',
        'c.receipt_number',
        'c.status',
        'c.summary',
        'c.respondent',
        'c.rights',
        'c.received_at',
        'c.updated_at',
      ])
      .select(
        sql<
          string[]
        >`coalesce((select array_agg(a.user_id order by a.user_id) from ombudsman_assignments a where a.case_id = c.id), '{}')`.as(
          'assigned',
        ),
      )
      .orderBy('c.received_at', 'desc')
      .orderBy('c.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    om
      .selectFrom(
        select
          .select('c.id')
          .limit(query.offset + countCap + 1)
          .as('matched'),
      )
      .select(sql<number>`count(*)::integer`.as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  const cap = query.offset + countCap;
  return {
    cases: rows.map((row) => ({
      id: row.id,
      receiptNumber: row.receipt_number,
      status: row.status,
      summary: row.summary,
      respondent: row.respondent,
      rights: row.rights,
      receivedAt: row.received_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      assignedTo: row.assigned,
    })),
    total: Math.min(total.count, cap),
    more: total.count > cap,
  };
}
