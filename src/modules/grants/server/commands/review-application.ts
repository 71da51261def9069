/**
 * Review by the office: each reviewer declares, per application, whether they have a conflict of
 * interest; a reviewer with a conflict may not score it (403), and one who has not declared must do
 * so first (409). Scores are 0–5 per criterion of the call's rubric.
 */
import { sql } from 'kysely';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, fieldError } from '../../../../kernel/server/errors.ts';
import { requireReviewer } from '../policy.ts';
import { loadApplicationRow } from '../queries.ts';
import { grantsTrx } from '../tables.ts';
import { requireStep } from '../workflow.ts';

export async function declareInterest(
  db: Db,
  user: SessionUser,
  actor: Actor,
  applicationId: string,
  hasConflict: boolean,
): Promise<void> {
  await runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = grantsTrx(plain);
    const application = await loadApplicationRow(trx, applicationId);
    requireReviewer(user, application);
    const before = await trx
      .selectFrom('grants_declarations')
      .select('has_conflict')
      .where('application_id', '=', applicationId)
      .where('reviewer_id', '=', user.id)
      .forUpdate()
      .executeTakeFirst();
    await trx
      .insertInto('grants_declarations')
      .values({ application_id: applicationId, reviewer_id: user.id, has_conflict: hasConflict })
      .onConflict((oc) =>
        oc
          .columns(['application_id', 'reviewer_id'])
          .doUpdateSet({ has_conflict: hasConflict, declared_at: sql<Date>`now()` }),
      )
      .execute();
    // A conflict found after scoring withdraws the scores already given.
    if (hasConflict) {
      await trx
        .deleteFrom('grants_scores')
        .where('application_id', '=', applicationId)
        .where('reviewer_id', '=', user.id)
        .execute();
    }
    await audit({
      action: 'grants.declare-interest',
      entityType: 'grants_declarations',
      entityId: `${applicationId}/${user.id}`,
      before: before ? { hasConflict: before.has_conflict } : undefined,
      after: { hasConflict },
    });
  });
}

export async function scoreApplication(
  db: Db,
  user: SessionUser,
  actor: Actor,
  applicationId: string,
  scores: readonly { criterionId: string; score: number }[],
): Promise<void> {
  await runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = grantsTrx(plain);
    const application = await loadApplicationRow(trx, applicationId);
    requireReviewer(user, application);
    const declaration = await trx
      .selectFrom('grants_declarations')
      .select('has_conflict')
      .where('application_id', '=', applicationId)
      .where('reviewer_id', '=', user.id)
      .executeTakeFirst();
    if (!declaration) throw new AppError('grants_declaration_required', 409);
    if (declaration.has_conflict) throw new AppError('grants_conflict_of_interest', 403);
    requireStep('score', application.status);
    const criteria = await trx
      .selectFrom('grants_criteria')
      .select('id')
      .where('call_id', '=', application.call_id)
      .execute();
    const known = new Set(criteria.map((criterion) => criterion.id));
    const unknown = scores.findIndex((entry) => !known.has(entry.criterionId));
    if (unknown >= 0) {
      throw fieldError(`body.scores.${unknown}.criterionId`, 'unknown_criterion', {
        ko: '이 공모의 평가 기준이 아닙니다.',
        en: 'Not a criterion of this call.',
      });
    }
    for (const entry of scores) {
      await trx
        .insertInto('grants_scores')
        .values({
          application_id: applicationId,
          reviewer_id: user.id,
          criterion_id: entry.criterionId,
          score: entry.score,
        })
        .onConflict((oc) =>
          oc
            .columns(['application_id', 'reviewer_id', 'criterion_id'])
            .doUpdateSet({ score: entry.score, scored_at: sql<Date>`now()` }),
        )
        .execute();
    }
    await audit({
      action: 'grants.score-application',
      entityType: 'grants_scores',
      entityId: `${applicationId}/${user.id}`,
      after: { scores },
    });
  });
}
