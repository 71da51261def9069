/**
 * The life of an application as one table: each step names the statuses it may start from and the
 * status it leaves. A step not possible from the current status is a 409 naming that status.
 */
import { AppError } from '../../../kernel/server/errors.ts';
import type { ApplicationStatus } from '../contract.ts';

export const steps = {
  submit: { from: ['draft'], to: 'submitted' },
  select: { from: ['submitted'], to: 'selected' },
  reject: { from: ['submitted', 'selected'], to: 'rejected' },
  award: { from: ['selected'], to: 'awarded' },
  score: { from: ['submitted', 'selected'], to: null },
  tranche: { from: ['awarded', 'completed'], to: null },
  report: { from: ['awarded'], to: null },
  finalReport: { from: ['awarded'], to: 'completed' },
} as const satisfies Record<string, { from: readonly ApplicationStatus[]; to: ApplicationStatus | null }>;

export type Step = keyof typeof steps;

export function requireStep(step: Step, status: ApplicationStatus): void {
  if (!(steps[step].from as readonly ApplicationStatus[]).includes(status)) {
    throw new AppError('grants_wrong_status', 409, { params: { status } });
  }
}
