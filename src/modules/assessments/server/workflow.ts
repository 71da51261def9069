/**
 * The assessment's workflow as one table: requested → scoping → assessment (assessors rate items,
 * note evidence and findings) → recommendations → the department's response → revision tracking →
 * closed. The impact assessment team (officers, administrators) moves an assessment on; the work of
 * each step (rating, recommending, answering, recording revisions) is allowed only at that step.
 * A (step, action) pair missing from the table is a 409; a role not listed a 403.
 */
import type { Role } from '../../../kernel/shared/roles.ts';
import type { Action, Step } from '../contract.ts';

export interface Transition {
  from: Step;
  action: Action;
  to: Step;
  by: readonly Role[];
}

export const office: readonly Role[] = ['officer', 'admin'];

export const transitions: readonly Transition[] = [
  { from: 'requested', action: 'start_scoping', to: 'scoping', by: office },
  { from: 'scoping', action: 'start_assessment', to: 'assessment', by: office },
  { from: 'assessment', action: 'issue_recommendations', to: 'recommendations', by: office },
  { from: 'recommendations', action: 'send_to_department', to: 'response', by: office },
  { from: 'response', action: 'start_revision_tracking', to: 'revision', by: office },
  { from: 'revision', action: 'close', to: 'closed', by: office },
];

export function transitionFor(from: Step, action: Action): Transition | undefined {
  return transitions.find((row) => row.from === from && row.action === action);
}

export function allowedActions(from: Step, role: Role): Action[] {
  return transitions.filter((row) => row.from === from && row.by.includes(role)).map((row) => row.action);
}

/** The step at which each kind of work on an assessment may be done. */
export const workSteps = {
  rate: 'assessment',
  recommend: 'recommendations',
  respond: 'response',
  revise: 'revision',
} as const satisfies Record<string, Step>;
