/**
 * Payment tranches of an award (the office): planned with an amount and a due date, then marked paid.
 * The tranches of an award never add up to more than the award.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, notFound } from '../../../../kernel/server/errors.ts';
import { requireReviewer } from '../policy.ts';
import { loadApplicationRow } from '../queries.ts';
import { grantsTrx } from '../tables.ts';
import { requireStep } from '../workflow.ts';

export async function addTranche(
  db: Db,
  user: SessionUser,
  actor: Actor,
  applicationId: string,
  input: { amount: number; dueOn: string },
): Promise<{ id: string }> {
  return runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = grantsTrx(plain);
    // Locked, so that two tranches added at once cannot both fit under the award.
    const application = await loadApplicationRow(trx, applicationId, { forUpdate: true });
    requireReviewer(user, application);
    requireStep('tranche', application.status);
    const { total } = await trx
      .selectFrom('grants_tranches')
      .select(sql<number>`coalesce(sum(amount), 0)::bigint`.as('total'))
      .where('application_id', '=', applicationId)
      .executeTakeFirstOrThrow();
    const remaining = Number(application.amount_awarded) - Number(total);
    if (input.amount > remaining) {
      throw new AppError('grants_tranches_exceed_award', 409, { params: { remaining } });
    }
    const id = randomUUID();
    await trx
      .insertInto('grants_tranches')
      .values({ id, application_id: applicationId, amount: input.amount, due_on: input.dueOn, paid_on: null })
      .execute();
    await audit({ action: 'grants.add-tranche', entityType: 'grants_tranches', entityId: id, after: input });
    return { id };
  });
}

export async function markTranchePaid(
  db: Db,
  user: SessionUser,
  actor: Actor,
  applicationId: string,
  trancheId: string,
  paidOn: string,
): Promise<void> {
  await runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = grantsTrx(plain);
    const application = await loadApplicationRow(trx, applicationId);
    requireReviewer(user, application);
    const tranche = await trx
      .selectFrom('grants_tranches')
      .selectAll()
      .where('id', '=', trancheId)
      .where('application_id', '=', applicationId)
      .forUpdate()
      .executeTakeFirst();
    if (!tranche) throw notFound();
    await trx.updateTable('grants_tranches').set({ paid_on: paidOn }).where('id', '=', trancheId).execute();
    await audit({
      action: 'grants.pay-tranche',
      entityType: 'grants_tranches',
      entityId: trancheId,
      before: { paidOn: tranche.paid_on },
      after: { paidOn },
    });
  });
}
