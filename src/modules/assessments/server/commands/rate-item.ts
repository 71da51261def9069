/**
 * An assessor rates one item of the checklist, with its evidence and finding, during the assessment
 * step. A department never rates its own subject (403). The rating must fit the item's scale; an item
 * marked not applicable carries no rating; an item that requires evidence is not rated without it (a
 * written reference or an uploaded file).
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { fieldError } from '../../../../kernel/server/errors.ts';
import type { RatingInput } from '../../contract.ts';
import { requireRate } from '../policy.ts';
import { loadAssessmentCore } from '../queries.ts';
import { assessmentsDb } from '../tables.ts';
import { workSteps } from '../workflow.ts';
import { requireStep } from './work-step.ts';

export async function rateItem(db: Db, user: SessionUser, ip: string, id: number, input: RatingInput) {
  await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = assessmentsDb(raw);
    const { assessment, subject, template } = await loadAssessmentCore(trx, id, { forUpdate: true });
    requireRate(user, subject);
    requireStep(assessment.step, workSteps.rate);
    const item = template.sections
      .flatMap((section) => section.items)
      .find((entry) => entry.key === input.itemKey);
    if (!item) {
      throw fieldError('body.itemKey', 'unknown_item', {
        ko: '이 평가표에 없는 항목입니다.',
        en: 'The template has no such item.',
      });
    }
    if (input.notApplicable && input.rating !== null) {
      throw fieldError('body.rating', 'not_applicable_rated', {
        ko: '해당 없음으로 표시한 항목에는 점수를 줄 수 없습니다.',
        en: 'An item marked not applicable takes no rating.',
      });
    }
    const hasFiles = async () =>
      (await trx
        .selectFrom('assessments_rating_files')
        .select('file_id')
        .where('assessment_id', '=', id)
        .where('item_key', '=', input.itemKey)
        .executeTakeFirst()) !== undefined;
    if (input.rating !== null && input.rating > item.scale) {
      throw fieldError('body.rating', 'above_scale', {
        ko: `점수는 0부터 ${item.scale}까지입니다.`,
        en: `Ratings run from 0 to ${item.scale}.`,
      });
    }
    if (item.evidenceRequired && input.rating !== null && input.evidence === '' && !(await hasFiles())) {
      throw fieldError('body.evidence', 'evidence_required', {
        ko: '이 항목은 근거를 적거나 증거 파일을 올려야 점수를 줄 수 있습니다.',
        en: 'This item needs evidence (a reference or an uploaded file) before it can be rated.',
      });
    }
    const values = {
      rating: input.rating,
      not_applicable: input.notApplicable,
      evidence: input.evidence,
      finding: input.finding,
      rated_by: user.id,
      rated_at: new Date(),
    };
    const before = await trx
      .selectFrom('assessments_ratings')
      .select(['rating', 'not_applicable'])
      .where('assessment_id', '=', id)
      .where('item_key', '=', input.itemKey)
      .executeTakeFirst();
    await trx
      .insertInto('assessments_ratings')
      .values({ assessment_id: id, item_key: input.itemKey, ...values })
      .onConflict((oc) => oc.columns(['assessment_id', 'item_key']).doUpdateSet(values))
      .execute();
    await audit({
      action: 'assessments.rate-item',
      entityType: 'assessments_assessments',
      entityId: `${id}/${input.itemKey}`,
      before: before ?? null,
      after: { rating: input.rating, not_applicable: input.notApplicable },
    });
  });
}
