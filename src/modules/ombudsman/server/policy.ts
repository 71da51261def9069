/**
 * Who may see what of a case. Deny by default: a capacity is granted only by the rules here.
 *
 * - A standing ombudsman (a member row with `standing`, not merely the `ombudsman` role) sees every
 *   case with the complainant's, victim's and witnesses' identity.
 * - A non-standing ombudsman sees the cases assigned to them, with identity; no others.
 * - An officer of the Human Rights Office sees every case, never the identity.
 * - A department sees only the information requests and recommendations addressed to it.
 * - Committee members, organisations and the public see anonymised statistics only; admins manage
 *   members and settings but read no case file (their oversight is the audit trail).
 */
import type { SessionUser } from '../../../kernel/server/access.ts';
import type { Capacity } from './workflow.ts';

export interface CaseAccessFacts {
  /** The caller's member row, if they are an appointed ombudsman. */
  member: { standing: boolean } | undefined;
  assignedUserIds: readonly string[];
  /** Departments that a request or recommendation of this case is addressed to. */
  addressedDepartments: readonly string[];
}

export function capacitiesOn(user: SessionUser, facts: CaseAccessFacts): Set<Capacity> {
  const capacities = new Set<Capacity>();
  if (user.role === 'ombudsman' && facts.member) {
    if (facts.member.standing) capacities.add('standing');
    if (facts.assignedUserIds.includes(user.id)) capacities.add('assigned');
  }
  if (user.role === 'officer') capacities.add('officer');
  if (
    user.role === 'department' &&
    user.departmentCode !== null &&
    facts.addressedDepartments.includes(user.departmentCode)
  ) {
    capacities.add('department');
  }
  return capacities;
}

/** The whole case file (without identity unless `seesIdentity`). */
export function readsCaseFile(capacities: ReadonlySet<Capacity>): boolean {
  return capacities.has('standing') || capacities.has('assigned') || capacities.has('officer');
}

export function seesIdentity(capacities: ReadonlySet<Capacity>): boolean {
  return capacities.has('standing') || capacities.has('assigned');
}

/** Reviewing who read a case file: the standing ombudsman. */
export function reviewsAccessLog(capacities: ReadonlySet<Capacity>): boolean {
  return capacities.has('standing');
}
