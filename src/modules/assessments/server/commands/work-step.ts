/** The work of each step (rating, recommending, answering, revising) only at that step: else a 409. */
import { AppError } from '../../../../kernel/server/errors.ts';
import type { Step } from '../../contract.ts';

export function requireStep(current: Step, needed: Step): void {
  if (current !== needed) throw new AppError('assessments_wrong_step', 409, { params: { step: current } });
}

/** A closed assessment is the public record: it no longer changes. */
export function requireStepBefore(current: Step, closed: 'closed'): void {
  if (current === closed) throw new AppError('assessments_wrong_step', 409, { params: { step: current } });
}
