/** Reads shared by several commands and routes: a case with what its access rules need. */

import type { Selectable } from 'kysely';
import type { SessionUser } from '../../../kernel/server/access.ts';
import { forbidden, notFound } from '../../../kernel/server/errors.ts';
import { appointmentInForce, type CaseAccessFacts, capacitiesOn } from './policy.ts';
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
    appointmentOf(reader, user),
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

const appointmentColumns = [
  'user_id',
  'standing',
  'appointed_on',
  'term_ends_on',
  'confirmed_at',
  'withdrawn_at',
] as const;

/**
 * The caller's appointment if it is in force today, else undefined. Every capacity of an ombudsman
 * (a case file, identities, search, attachments, oversight) is computed from this one answer, so an
 * ended, withdrawn or unconfirmed appointment grants nothing anywhere.
 */
export async function appointmentOf(
  reader: Reader,
  user: SessionUser,
): Promise<{ standing: boolean } | undefined> {
  if (user.role !== 'ombudsman') return undefined;
  const row = await reader
    .selectFrom('ombudsman_members')
    .select(appointmentColumns)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  return row && appointmentInForce(row) ? { standing: row.standing } : undefined;
}

/** Of these users, the ones whose appointment is in force today (and who keep the ombudsman role). */
export async function membersInForce(reader: Reader, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await reader
    .selectFrom('ombudsman_members')
    .innerJoin('accounts_users', 'accounts_users.id', 'ombudsman_members.user_id')
    .select(appointmentColumns.map((column) => `ombudsman_members.${column}` as const))
    .where('ombudsman_members.user_id', 'in', [...userIds])
    .where('accounts_users.role', '=', 'ombudsman')
    .execute();
  return new Set(rows.filter((row) => appointmentInForce(row)).map((row) => row.user_id));
}

/** Nothing, or a 403 for staff without a standing appointment in force. */
export async function requireStanding(reader: Reader, user: SessionUser): Promise<void> {
  const appointment = await appointmentOf(reader, user);
  if (!appointment?.standing) throw forbidden();
}

export function dateOnly(value: string | Date | null): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  return value.toISOString().slice(0, 10);
}
