/**
 * Who may see and act on which recommendation. Deny by default.
 *
 * - Admins and officers of the Human Rights Office (`office`) record, edit and move every
 *   recommendation, and may record a department's answer on its behalf.
 * - A department user acts (`department`) only on recommendations addressed to their department, and
 *   answers only their own department's part. A recommendation not addressed to them is, to them, as
 *   if it did not exist outside the public tracker: a non-public one is a 404.
 * - An ombudsman reads the ombudsman's recommendations and publishes each one's anonymised summary,
 *   which is what makes it public (no case identifiers, no names): nothing else.
 * - Everyone, signed in or not, reads the public recommendations through the public tracker.
 */
import type { SessionUser } from '../../../kernel/server/access.ts';
import type { RecommendationStatus, SourceKind } from '../contract.ts';
import type { Capacity } from './workflow.ts';

export function capacitiesOn(
  user: SessionUser,
  addressedDepartments: readonly string[],
  sourceKind?: SourceKind,
): Set<Capacity> {
  const capacities = new Set<Capacity>();
  // The ombudsman's rule by source: an ombudsman's recommendation is public only when the ombudsman
  // publishes the anonymised summary they write, so the ombudsman reads it to write that summary.
  if (user.role === 'ombudsman' && sourceKind === 'ombudsman') capacities.add('ombudsman');
  if (user.role === 'admin' || user.role === 'officer') capacities.add('office');
  if (
    user.role === 'department' &&
    user.departmentCode !== null &&
    addressedDepartments.includes(user.departmentCode)
  ) {
    capacities.add('department');
  }
  return capacities;
}

/** Whether the staff view of the record is open to the caller (otherwise a 404). */
export function seesStaffRecord(capacities: ReadonlySet<Capacity>): boolean {
  return capacities.size > 0;
}

/** Whether the caller may answer `departmentCode`'s part. */
export function answersFor(user: SessionUser, capacities: ReadonlySet<Capacity>, departmentCode: string) {
  if (capacities.has('office')) return true;
  return capacities.has('department') && user.departmentCode === departmentCode;
}

/**
 * Whether the caller may link the record to tasks and indicators now: the office at any step; an
 * addressed department while the record is answered or being implemented (its part of the work).
 * `'state'`: a department, but not at this step (a 409); false: not at all (a 403).
 */
export function mayLink(capacities: ReadonlySet<Capacity>, status: RecommendationStatus): boolean | 'state' {
  if (capacities.has('office')) return true;
  if (!capacities.has('department')) return false;
  return status === 'answered' || status === 'implementing' ? true : 'state';
}
