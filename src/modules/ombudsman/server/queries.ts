/** Reads shared by several commands and routes: a case with what its access rules need. */

import type { Selectable } from 'kysely';
import type { SessionUser } from '../../../kernel/server/access.ts';
import { forbidden, notFound } from '../../../kernel/server/errors.ts';
import { type CaseAccessFacts, capacitiesOn } from './policy.ts';
import type { CaseRow, OmbudsmanDb, OmbudsmanTrx } from './tables.ts';

export type CaseRecord = Selectable<CaseRow>;

import type { Capacity } from './workflow.ts';

type Reader = OmbudsmanDb | OmbudsmanTrx;

export async function accessFacts(
  reader: Reader,
  user: SessionUser,
  caseId: string,
): Promise<CaseAccessFacts> {
  const [member, assignments, requests, recommendations] = await Promise.all([
    reader
      .selectFrom('ombudsman_members')
      .select('standing')
      .where('user_id', '=', user.id)
      .executeTakeFirst(),
    reader.selectFrom('ombudsman_assignments').select('user_id').where('case_id', '=', caseId).execute(),
    reader
      .selectFrom('ombudsman_info_requests')
      .select('department_code')
      .where('case_id', '=', caseId)
      .execute(),
    reader
      .selectFrom('ombudsman_recommendations')
      .select('department_code')
      .where('case_id', '=', caseId)
      // A recommendation reaches the department when it is issued, not while it is drafted.
      .where('issued_at', 'is not', null)
      .execute(),
  ]);
  return {
    member,
    assignedUserIds: assignments.map((row) => row.user_id),
    addressedDepartments: [...requests, ...recommendations].map((row) => row.department_code),
  };
}

/**
 * The case (locked for update when `lock`) and the caller's capacities on it. A case the caller has
 * no capacity on at all is a 404, the same as a case that does not exist: the caller learns nothing.
 */
export async function loadCase(
  trx: OmbudsmanTrx,
  user: SessionUser,
  caseId: string,
  options: { lock?: boolean } = {},
): Promise<{
  row: CaseRecord;
  capacities: Set<Capacity>;
  facts: CaseAccessFacts;
}> {
  let query = trx.selectFrom('ombudsman_cases').selectAll().where('id', '=', caseId);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound();
  const facts = await accessFacts(trx, user, caseId);
  const capacities = capacitiesOn(user, facts);
  if (capacities.size === 0) throw notFound();
  return { row, capacities, facts };
}

/** The ombudsman member row of a user, or a 403 for staff without a standing appointment. */
export async function requireStanding(reader: Reader, user: SessionUser): Promise<void> {
  const member = await reader
    .selectFrom('ombudsman_members')
    .select('standing')
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (user.role !== 'ombudsman' || !member?.standing) throw forbidden();
}

export function dateOnly(value: string | Date | null): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  return value.toISOString().slice(0, 10);
}
