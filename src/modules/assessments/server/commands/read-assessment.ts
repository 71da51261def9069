/**
 * An assessment as a staff reader sees it: the subject, the template version it keeps, ratings, the
 * scores, recommendations with responses, tracked revisions, and what this reader may do next.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import type { Assessment } from '../../contract.ts';
import { mayDownload, mayRate, mayRespond, requireRead } from '../policy.ts';
import {
  loadAssessmentCore,
  loadItemFiles,
  loadRatings,
  loadRecommendations,
  loadRevisions,
  presentSubject,
  presentTemplate,
  scoreOf,
} from '../queries.ts';
import { assessmentsDb } from '../tables.ts';
import { allowedActions } from '../workflow.ts';

export async function readAssessment(db: Db, user: SessionUser, id: number): Promise<Assessment> {
  const reader = assessmentsDb(db);
  const { assessment, subject, template } = await loadAssessmentCore(reader, id);
  requireRead(user, subject, assessment.step);
  const ratings = await loadRatings(reader, id);
  return {
    id: assessment.id,
    year: assessment.year,
    step: assessment.step,
    version: assessment.version,
    subject: presentSubject(subject),
    template: presentTemplate(template),
    scope: assessment.scope,
    summary: assessment.summary,
    ratings,
    itemFiles: [...(await loadItemFiles(reader, id))].map(([itemKey, files]) => ({ itemKey, files })),
    score: scoreOf(template.sections, ratings),
    recommendations: await loadRecommendations(reader, id),
    revisions: await loadRevisions(reader, id),
    allowedActions: allowedActions(assessment.step, user.role),
    mayRate: assessment.step === 'assessment' && mayRate(user, subject),
    mayRespond: mayRespond(user, subject),
    mayDownload: mayDownload(user, subject),
    createdAt: new Date(assessment.created_at).toISOString(),
    closedAt: assessment.closed_at ? new Date(assessment.closed_at).toISOString() : null,
  };
}
