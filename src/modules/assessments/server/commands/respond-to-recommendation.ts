/**
 * The department answers a recommendation on its subject: accepted, partly accepted, or rejected; a
 * partial acceptance or a rejection gives its reasons. Only at the response step; a stale version of
 * the recommendation is a 409.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict, fieldError, notFound } from '../../../../kernel/server/errors.ts';
import type { ResponseKind } from '../../contract.ts';
import { requireRespond } from '../policy.ts';
import { loadAssessmentCore } from '../queries.ts';
import { assessmentsDb } from '../tables.ts';
import { workSteps } from '../workflow.ts';
import { requireStep } from './work-step.ts';

export async function respondToRecommendation(
  db: Db,
  user: SessionUser,
  ip: string,
  recommendationId: number,
  input: { response: ResponseKind; reason: string; version: number },
): Promise<void> {
  await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = assessmentsDb(raw);
    const recommendation = await trx
      .selectFrom('assessments_recommendations')
      .selectAll()
      .where('id', '=', recommendationId)
      .forUpdate()
      .executeTakeFirst();
    if (!recommendation) throw notFound();
    const { assessment, subject } = await loadAssessmentCore(trx, recommendation.assessment_id);
    // Who may answer comes first: a caller who may not learns nothing of the recommendation.
    requireRespond(user, subject);
    if (input.response !== 'accepted' && input.reason === '') {
      throw fieldError('body.reason', 'reason_required', {
        ko: '일부 수용하거나 수용하지 않는 까닭을 적어 주세요.',
        en: 'Give the reasons for accepting in part or rejecting.',
      });
    }
    requireStep(assessment.step, workSteps.respond);
    if (recommendation.version !== input.version) throw conflict();
    const after = {
      response: input.response,
      reason: input.reason === '' ? null : input.reason,
      version: recommendation.version + 1,
    };
    await trx
      .updateTable('assessments_recommendations')
      .set({ ...after, responded_by: user.id, responded_at: new Date() })
      .where('id', '=', recommendationId)
      .execute();
    await audit({
      action: 'assessments.respond-to-recommendation',
      entityType: 'assessments_recommendations',
      entityId: String(recommendationId),
      before: {
        response: recommendation.response,
        reason: recommendation.reason,
        version: recommendation.version,
      },
      after,
    });
  });
}
