/**
 * Moving an assessment to its next step, through the workflow table: an action not possible from the
 * current step is a 409, a stale version a 409 `conflict`. Sending to the department needs at least
 * one recommendation; revision tracking starts once every recommendation has its response. Closing
 * makes the assessment's summary public and may move the public figures.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, forbidden } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import { setTags } from '../../../../kernel/server/vocabularies/tags.ts';
import type { Action } from '../../contract.ts';
import { loadAssessmentCore } from '../queries.ts';
import { assessmentsDb } from '../tables.ts';
import { transitionFor } from '../workflow.ts';

export async function transitionAssessment(
  db: Db,
  user: SessionUser,
  ip: string,
  id: number,
  input: { action: Action; version: number },
): Promise<void> {
  await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = assessmentsDb(raw);
    const { assessment, subject } = await loadAssessmentCore(trx, id, { forUpdate: true });
    const transition = transitionFor(assessment.step, input.action);
    if (!transition) {
      throw new AppError('assessments_transition_not_allowed', 409, {
        params: { step: assessment.step, action: input.action },
      });
    }
    if (!transition.by.includes(user.role)) throw forbidden();
    if (assessment.version !== input.version) throw conflict();
    const recommendations = await trx
      .selectFrom('assessments_recommendations')
      .select(['response'])
      .where('assessment_id', '=', id)
      .execute();
    if (input.action === 'send_to_department' && recommendations.length === 0) {
      throw new AppError('assessments_no_recommendations', 409);
    }
    if (input.action === 'start_revision_tracking' && recommendations.some((row) => row.response === null)) {
      throw new AppError('assessments_responses_missing', 409);
    }
    const now = new Date();
    await trx
      .updateTable('assessments_assessments')
      .set({
        step: transition.to,
        version: assessment.version + 1,
        updated_at: now,
        ...(transition.to === 'closed' ? { closed_at: now } : {}),
      })
      .where('id', '=', id)
      .execute();
    if (transition.to === 'closed' && 'district' in subject.details) {
      // The published summary joins its district's term page; the subject itself stays staff-only.
      await setTags(
        raw,
        {
          module: 'assessments',
          recordType: 'assessment',
          recordId: String(id),
          isPublic: true,
          title: { ko: subject.title, en: subject.title },
          path: `/assessments/summaries/${id}`,
        },
        [{ vocabulary: 'districts', code: subject.details.district }],
      );
    }
    await audit({
      action: `assessments.${input.action}`,
      entityType: 'assessments_assessments',
      entityId: String(id),
      before: { step: assessment.step, version: assessment.version },
      after: { step: transition.to, version: assessment.version + 1 },
    });
  });
  publicDataChanged();
}
