/**
 * The yearly assessment cycle as one table (Table 2 of the seed): targets and plans, collection of
 * data and questionnaires, self-assessment, the report to the citizen committee, complementation,
 * collection of results, then closed (that year read-only). The Human Rights Office runs the cycle;
 * administrators may too. A (step, action) pair missing from the table is a 409; a caller whose role
 * is not listed a 403.
 */
import type { Role } from '../../../kernel/shared/roles.ts';
import type { CycleAction, CycleStep } from '../contract.ts';

export interface CycleTransition {
  from: CycleStep;
  action: CycleAction;
  to: CycleStep;
  by: readonly Role[];
}

const office: readonly Role[] = ['officer', 'admin'];

export const cycleTransitions: readonly CycleTransition[] = [
  { from: 'targets', action: 'start_collection', to: 'collection', by: office },
  { from: 'collection', action: 'start_assessment', to: 'assessment', by: office },
  { from: 'assessment', action: 'issue_report', to: 'report', by: office },
  { from: 'report', action: 'start_complementation', to: 'complementation', by: office },
  { from: 'complementation', action: 'collect_results', to: 'results', by: office },
  { from: 'results', action: 'close', to: 'closed', by: office },
];

export function cycleTransitionFor(from: CycleStep, action: CycleAction): CycleTransition | undefined {
  return cycleTransitions.find((row) => row.from === from && row.action === action);
}

export function allowedCycleActions(from: CycleStep, role: Role): CycleAction[] {
  return cycleTransitions
    .filter((row) => row.from === from && row.by.includes(role))
    .map((row) => row.action);
}

/** Steps at which departments may enter or import a year's data (before the assessment starts). */
export const dataEntrySteps: readonly CycleStep[] = ['targets', 'collection'];
