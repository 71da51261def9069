/**
 * A department's answer to a recommendation addressed to it. The recommendation stays open until the
 * answer closes it: a rejection (with its reasons) closes it, as does a report that an accepted or
 * partly accepted recommendation is fully implemented; until then the department may answer again
 * (reporting progress). No one but the addressed department closes it.
 */
import type { z } from 'zod';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import type { CommandContext } from '../../../../kernel/server/command.ts';
import { AppError, conflict, fieldError, forbidden, notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { answerInputSchema } from '../../contract.ts';
import { committeesTrx } from '../tables.ts';

export async function answerRecommendation(
  { trx: raw, audit }: CommandContext,
  user: SessionUser,
  recommendationId: string,
  input: z.infer<typeof answerInputSchema>,
): Promise<{ id: string; version: number; open: boolean }> {
  const trx = committeesTrx(raw);
  const before = await trx
    .selectFrom('committees_recommendations')
    .selectAll()
    .where('id', '=', recommendationId)
    .forUpdate()
    .executeTakeFirst();
  if (!before) throw notFound();
  if (user.role !== 'department' || user.departmentCode !== before.department_code) throw forbidden();
  if (before.closed_at) throw new AppError('committees_recommendation_closed', 409);
  if (before.version !== input.version) throw conflict();
  if (input.response !== 'accepted' && input.reason === '') {
    throw fieldError('reason', 'reason_required', {
      ko: '수용하지 않거나 일부만 수용하는 이유를 적어 주세요.',
      en: 'Give the reasons for not accepting, or accepting only in part.',
    });
  }
  const closes = input.response === 'rejected' || input.implemented;
  const now = new Date();
  const updated = await trx
    .updateTable('committees_recommendations')
    .set({
      response: input.response,
      response_reason: input.reason || null,
      implementation: input.implementation || null,
      answered_at: now,
      closed_at: closes ? now : null,
      version: before.version + 1,
    })
    .where('id', '=', recommendationId)
    .returning('version')
    .executeTakeFirstOrThrow();
  await audit({
    action: 'committees.answer-recommendation',
    entityType: 'committees_recommendations',
    entityId: recommendationId,
    before: { response: before.response, open: true },
    after: { response: input.response, implemented: input.implemented, open: !closes },
  });
  publicDataChanged();
  return { id: recommendationId, version: updated.version, open: !closes };
}
