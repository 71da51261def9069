/** The office writes the assessment's recommendations to the department, at the recommendations step. */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { requireOffice } from '../policy.ts';
import { loadAssessmentCore } from '../queries.ts';
import { assessmentsDb } from '../tables.ts';
import { workSteps } from '../workflow.ts';
import { requireStep } from './work-step.ts';

export async function addRecommendation(
  db: Db,
  user: SessionUser,
  ip: string,
  id: number,
  input: { text: string },
): Promise<number> {
  requireOffice(user);
  return runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = assessmentsDb(raw);
    const { assessment } = await loadAssessmentCore(trx, id, { forUpdate: true });
    requireStep(assessment.step, workSteps.recommend);
    const row = await trx
      .insertInto('assessments_recommendations')
      .values({
        assessment_id: id,
        text: input.text,
        response: null,
        reason: null,
        responded_by: null,
        responded_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'assessments.add-recommendation',
      entityType: 'assessments_recommendations',
      entityId: String(row.id),
      before: null,
      after: { assessmentId: id, text: input.text },
    });
    return row.id;
  });
}
