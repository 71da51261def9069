/**
 * The life of a recommendation as one table: from a state, an action leads to a state, and only people
 * acting in one of the named capacities may take it. Every step asks this table (`transitionFor`), so
 * the rules live here once and a test can walk every row and every gap.
 *
 * A (state, action) pair missing from the table is a 409 (the recommendation is not in a state where
 * this can happen); a pair present but not open to the caller's capacities is a 403 (or a 404 when
 * the caller may not see the recommendation at all).
 *
 * `answer` is the one step whose end depends on the record: each addressed department answers its own
 * part, and the recommendation stays `issued` (`toWhilePartsOpen`) until the last part is answered.
 */
import type { RecommendationAction, RecommendationStatus } from '../contract.ts';

/**
 * `office`: an officer of the Human Rights Office or an admin; `department`: an addressed department;
 * `ombudsman`: an ombudsman, on an ombudsman's recommendation (reads it and publishes its anonymised
 * summary, `commands/publish-summary.ts`; takes no step of this table).
 */
export type Capacity = 'office' | 'department' | 'ombudsman';

export interface Transition {
  from: RecommendationStatus;
  action: RecommendationAction;
  to: RecommendationStatus;
  /** For `answer`: where the record stays while another department's part is unanswered. */
  toWhilePartsOpen?: RecommendationStatus;
  by: readonly Capacity[];
}

export const transitions: readonly Transition[] = [
  // An officer records an answer a department sent on paper; a department answers its own part.
  {
    from: 'issued',
    action: 'answer',
    to: 'answered',
    toWhilePartsOpen: 'issued',
    by: ['department', 'office'],
  },
  { from: 'issued', action: 'close', to: 'closed', by: ['office'] },
  { from: 'answered', action: 'start_implementation', to: 'implementing', by: ['office', 'department'] },
  { from: 'answered', action: 'close', to: 'closed', by: ['office'] },
  { from: 'implementing', action: 'report_progress', to: 'implementing', by: ['department', 'office'] },
  { from: 'implementing', action: 'complete', to: 'implemented', by: ['office'] },
  { from: 'implementing', action: 'close', to: 'closed', by: ['office'] },
];

/** The row for (state, action), or undefined when the action is not possible from that state. */
export function transitionFor(
  from: RecommendationStatus,
  action: RecommendationAction,
): Transition | undefined {
  return transitions.find((row) => row.from === from && row.action === action);
}

/** The actions the caller may take now, for the staff view. */
export function allowedActions(
  from: RecommendationStatus,
  capacities: ReadonlySet<Capacity>,
): RecommendationAction[] {
  return transitions
    .filter((row) => row.from === from && row.by.some((capacity) => capacities.has(capacity)))
    .map((row) => row.action);
}
