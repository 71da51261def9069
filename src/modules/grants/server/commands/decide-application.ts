/**
 * Selection and award (the office). Selecting or rejecting moves a submitted application on. An award
 * fixes the amount, never more than asked nor than the call's maximum, and never beyond the call's
 * budget: the call row is locked (`for update`) and the amounts already awarded are summed inside
 * the same transaction, so two officers awarding at the same moment cannot both pass the check.
 */
import { sql } from 'kysely';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, fieldError } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import { setTags } from '../../../../kernel/server/vocabularies/tags.ts';
import { notifyApplicationDecided } from '../notifications.ts';
import { requireReviewer } from '../policy.ts';
import { awardedStatuses, loadApplicationRow, loadCallRow } from '../queries.ts';
import { grantsTrx } from '../tables.ts';
import { requireStep } from '../workflow.ts';

export async function decideApplication(
  db: Db,
  user: SessionUser,
  actor: Actor,
  id: string,
  input: { decision: 'select' | 'reject'; version: number },
): Promise<void> {
  await runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = grantsTrx(plain);
    const before = await loadApplicationRow(trx, id, { forUpdate: true });
    requireReviewer(user, before);
    if (before.version !== input.version) throw conflict();
    requireStep(input.decision, before.status);
    const status = input.decision === 'select' ? 'selected' : 'rejected';
    await trx
      .updateTable('grants_applications')
      .set({ status, decided_at: new Date(), version: before.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await notifyApplicationDecided(plain, before, status, actor.userId);
    await audit({
      action: `grants.${input.decision}-application`,
      entityType: 'grants_applications',
      entityId: id,
      before: { status: before.status },
      after: { status },
    });
  });
}

export async function awardGrant(
  db: Db,
  user: SessionUser,
  actor: Actor,
  id: string,
  input: { amount: number; version: number },
): Promise<void> {
  await runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = grantsTrx(plain);
    const peek = await loadApplicationRow(trx, id);
    requireReviewer(user, peek);
    // The call first, then the application: every award takes its locks in the same order.
    const call = await loadCallRow(trx, peek.call_id, { forUpdate: true });
    const before = await loadApplicationRow(trx, id, { forUpdate: true });
    if (before.version !== input.version) throw conflict();
    requireStep('award', before.status);
    if (input.amount > Number(before.amount_requested) || input.amount > Number(call.max_amount)) {
      throw fieldError('body.amount', 'over_request', {
        ko: '지원 금액은 신청 금액과 공모의 최대 금액을 넘을 수 없습니다.',
        en: 'The award cannot exceed the amount requested or the call’s maximum.',
      });
    }
    const { total } = await trx
      .selectFrom('grants_applications')
      .select(sql<number>`coalesce(sum(amount_awarded), 0)::bigint`.as('total'))
      .where('call_id', '=', call.id)
      .where('status', 'in', awardedStatuses)
      .executeTakeFirstOrThrow();
    const remaining = Number(call.budget) - Number(total);
    if (input.amount > remaining) {
      throw new AppError('grants_budget_exceeded', 409, { params: { remaining, currency: call.currency } });
    }
    await trx
      .updateTable('grants_applications')
      .set({
        status: 'awarded',
        amount_awarded: input.amount,
        awarded_at: new Date(),
        version: before.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    // An awarded grant becomes public: a neighbourhood's district page lists it.
    if (before.district) {
      const title = before.public_title || before.title;
      await setTags(
        plain,
        {
          module: 'grants',
          recordType: 'grant',
          recordId: id,
          isPublic: true,
          title: { ko: title, en: title },
          path: `/grants#grant-${id}`,
        },
        [{ vocabulary: 'districts', code: before.district }],
      );
    }
    await notifyApplicationDecided(plain, before, 'awarded', actor.userId);
    await audit({
      action: 'grants.award-grant',
      entityType: 'grants_applications',
      entityId: id,
      before: { status: before.status },
      after: { status: 'awarded', amountAwarded: input.amount },
    });
  });
  publicDataChanged();
}
