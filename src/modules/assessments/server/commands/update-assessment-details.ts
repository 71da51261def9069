/**
 * The office's notes on an assessment: the scope (written at scoping) and the public summary of what
 * was assessed, which the public sees only once the assessment is closed. A stale version is a 409.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import { requireOffice } from '../policy.ts';
import { loadAssessmentCore } from '../queries.ts';
import { assessmentsDb } from '../tables.ts';
import { requireStepBefore } from './work-step.ts';

export async function updateAssessmentDetails(
  db: Db,
  user: SessionUser,
  ip: string,
  id: number,
  input: { scope: string; summary: string; version: number },
): Promise<void> {
  requireOffice(user);
  await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = assessmentsDb(raw);
    const { assessment } = await loadAssessmentCore(trx, id, { forUpdate: true });
    requireStepBefore(assessment.step, 'closed');
    if (assessment.version !== input.version) throw conflict();
    await trx
      .updateTable('assessments_assessments')
      .set({
        scope: input.scope,
        summary: input.summary,
        version: assessment.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'assessments.update-assessment-details',
      entityType: 'assessments_assessments',
      entityId: String(id),
      before: { scope: assessment.scope, summary: assessment.summary, version: assessment.version },
      after: { scope: input.scope, summary: input.summary, version: assessment.version + 1 },
    });
  });
  publicDataChanged();
}
