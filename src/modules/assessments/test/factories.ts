/**
 * Assessments made through the module's own commands, for tests that need one at a given step (the
 * browser tests, and other modules' tests): a subject registered, an assessment opened with a
 * template and walked through the workflow as an officer.
 */
import type { SessionUser } from '../../../kernel/server/access.ts';
import type { Db } from '../../../kernel/server/db.ts';
import type { Action, NewSubject, RatingInput } from '../contract.ts';
import { addRecommendation } from '../server/commands/add-recommendation.ts';
import { openAssessment } from '../server/commands/open-assessment.ts';
import { rateItem } from '../server/commands/rate-item.ts';
import { recordRevision } from '../server/commands/record-revision.ts';
import { registerSubject } from '../server/commands/register-subject.ts';
import { respondToRecommendation } from '../server/commands/respond-to-recommendation.ts';
import { transitionAssessment } from '../server/commands/transition-assessment.ts';
import { assessmentsDb } from '../server/tables.ts';

export function officerSession(id: string): SessionUser {
  return {
    id,
    email: 'officer@test.example',
    displayName: 'Officer',
    role: 'officer',
    departmentCode: null,
    sessionId: 'test',
  };
}

async function move(db: Db, officer: SessionUser, id: number, action: Action): Promise<void> {
  const { version } = await assessmentsDb(db)
    .selectFrom('assessments_assessments')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await transitionAssessment(db, officer, '127.0.0.1', id, { action, version });
}

/** A subject and its assessment, moved on to the assessment step (where assessors rate). */
export async function assessmentInProgress(
  db: Db,
  officer: SessionUser,
  subject: NewSubject,
  templateKey: string,
  year?: number,
): Promise<{ subjectId: number; assessmentId: number }> {
  const { id: subjectId } = await registerSubject(db, officer, '127.0.0.1', subject);
  const assessmentId = await openAssessment(db, officer, '127.0.0.1', { subjectId, templateKey, year });
  await move(db, officer, assessmentId, 'start_scoping');
  await move(db, officer, assessmentId, 'start_assessment');
  return { subjectId, assessmentId };
}

/** An assessment rated as given, with one accepted recommendation and one revision, then closed. */
export async function closedAssessment(
  db: Db,
  officer: SessionUser,
  subject: NewSubject,
  templateKey: string,
  ratings: readonly RatingInput[],
  year?: number,
): Promise<number> {
  const { assessmentId } = await assessmentInProgress(db, officer, subject, templateKey, year);
  for (const rating of ratings) await rateItem(db, officer, '127.0.0.1', assessmentId, rating);
  await move(db, officer, assessmentId, 'issue_recommendations');
  const recommendation = await addRecommendation(db, officer, '127.0.0.1', assessmentId, {
    text: 'Publish the grievance procedure.',
  });
  await move(db, officer, assessmentId, 'send_to_department');
  await respondToRecommendation(db, officer, '127.0.0.1', recommendation, {
    response: 'accepted',
    reason: '',
    version: 1,
  });
  await move(db, officer, assessmentId, 'start_revision_tracking');
  await recordRevision(db, officer, '127.0.0.1', assessmentId, {
    recommendationId: recommendation,
    description: 'Grievance procedure published.',
    revisedOn: '2026-01-15',
    evidence: 'Website notice',
  });
  await move(db, officer, assessmentId, 'close');
  return assessmentId;
}
