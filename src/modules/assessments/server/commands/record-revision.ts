/**
 * Revision tracking: what changed because of the assessment (an article of the ordinance revised, the
 * building work done), with its date and evidence, recorded by the office or the subject's department
 * at the revision step. Once the assessment is closed, each subject with a revision counts in the
 * public "revised" (or "renovated") figure.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { fieldError } from '../../../../kernel/server/errors.ts';
import { requireRespond } from '../policy.ts';
import { loadAssessmentCore } from '../queries.ts';
import { assessmentsDb } from '../tables.ts';
import { workSteps } from '../workflow.ts';
import { requireStep } from './work-step.ts';

export async function recordRevision(
  db: Db,
  user: SessionUser,
  ip: string,
  id: number,
  input: { recommendationId: number | null; description: string; revisedOn: string; evidence: string },
): Promise<number> {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = assessmentsDb(raw);
    const { assessment, subject } = await loadAssessmentCore(trx, id, { forUpdate: true });
    requireRespond(user, subject);
    requireStep(assessment.step, workSteps.revise);
    if (input.recommendationId !== null) {
      const found = await trx
        .selectFrom('assessments_recommendations')
        .select('id')
        .where('id', '=', input.recommendationId)
        .where('assessment_id', '=', id)
        .executeTakeFirst();
      if (!found) {
        throw fieldError('body.recommendationId', 'unknown_recommendation', {
          ko: '이 평가에 없는 권고입니다.',
          en: 'This assessment has no such recommendation.',
        });
      }
    }
    const row = await trx
      .insertInto('assessments_revisions')
      .values({
        assessment_id: id,
        recommendation_id: input.recommendationId,
        description: input.description,
        revised_on: input.revisedOn,
        evidence: input.evidence,
        recorded_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'assessments.record-revision',
      entityType: 'assessments_revisions',
      entityId: String(row.id),
      before: null,
      after: { assessmentId: id, recommendationId: input.recommendationId, revisedOn: input.revisedOn },
    });
    return row.id;
  });
}
