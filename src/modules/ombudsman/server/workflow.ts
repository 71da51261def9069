/**
 * The case workflow as one table: from a state, an action leads to a state, and only people acting in
 * one of the named capacities may take it. Every command that moves or changes a case asks this table
 * (`transitionFor`), so the rules live here once and a test can walk every row and every gap.
 *
 * A (state, action) pair missing from the table is a 409 (the case is not in a state where this can
 * happen); a pair present but not open to the caller's capacities is a 403.
 *
 * Capacities rather than roles: the `ombudsman` role alone grants nothing on a case. A standing
 * ombudsman acts on every case; a non-standing one on the cases assigned to them; an officer of the
 * Human Rights Office handles intake and referral; a department answers what is addressed to it.
 */
import type { CaseAction, CaseStatus } from '../contract.ts';

export type Capacity = 'standing' | 'assigned' | 'officer' | 'department';

export interface Transition {
  from: CaseStatus;
  action: CaseAction;
  to: CaseStatus;
  by: readonly Capacity[];
}

const caseworkers: readonly Capacity[] = ['standing', 'assigned'];

export const transitions: readonly Transition[] = [
  { from: 'received', action: 'start_assessment', to: 'assessment', by: ['standing', 'officer'] },
  { from: 'received', action: 'refer', to: 'closed', by: ['standing', 'officer'] },
  { from: 'assessment', action: 'admit', to: 'investigation', by: ['standing'] },
  { from: 'assessment', action: 'dismiss', to: 'closed', by: ['standing'] },
  { from: 'assessment', action: 'refer', to: 'closed', by: ['standing', 'officer'] },
  { from: 'assessment', action: 'assign', to: 'assessment', by: ['standing'] },
  { from: 'assessment', action: 'add_note', to: 'assessment', by: caseworkers },
  { from: 'investigation', action: 'assign', to: 'investigation', by: ['standing'] },
  { from: 'investigation', action: 'add_note', to: 'investigation', by: caseworkers },
  { from: 'investigation', action: 'request_information', to: 'investigation', by: caseworkers },
  { from: 'investigation', action: 'answer_information', to: 'investigation', by: ['department'] },
  { from: 'investigation', action: 'decide', to: 'decided', by: caseworkers },
  { from: 'decided', action: 'add_note', to: 'decided', by: caseworkers },
  { from: 'decided', action: 'recommend', to: 'decided', by: caseworkers },
  { from: 'decided', action: 'issue_recommendations', to: 'follow_up', by: caseworkers },
  { from: 'decided', action: 'close', to: 'closed', by: ['standing'] },
  { from: 'follow_up', action: 'add_note', to: 'follow_up', by: caseworkers },
  { from: 'follow_up', action: 'respond_recommendation', to: 'follow_up', by: ['department'] },
  { from: 'follow_up', action: 'close', to: 'closed', by: ['standing'] },
  // A closed case comes back to assessment (new facts, a closure in error): admissibility is looked
  // at again, and the case then takes the usual road. Only the standing ombudsman, with a reason.
  { from: 'closed', action: 'reopen', to: 'assessment', by: ['standing'] },
];

/** The row for (state, action), or undefined when the action is not possible from that state. */
export function transitionFor(from: CaseStatus, action: CaseAction): Transition | undefined {
  return transitions.find((row) => row.from === from && row.action === action);
}

/** The actions the caller may take now, for the case view. */
export function allowedActions(from: CaseStatus, capacities: ReadonlySet<Capacity>): CaseAction[] {
  return transitions
    .filter((row) => row.from === from && row.by.some((capacity) => capacities.has(capacity)))
    .map((row) => row.action);
}
