/**
 * An organisation's application: started as a draft for an open call, saved as often as it likes
 * (each save with the version read; a stale one is a 409), changed only while it is a draft.
 * An organisation without a profile cannot apply: the profile says who is applying.
 */

import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { clock } from '../../../../kernel/server/city/clock.ts';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, fieldError } from '../../../../kernel/server/errors.ts';
import type { ApplicationCreate, ApplicationUpdate } from '../../contract.ts';
import { requireApplicant } from '../policy.ts';
import { loadApplicationRow } from '../queries.ts';
import { grantsTrx } from '../tables.ts';

function content(input: Omit<ApplicationUpdate, 'version'>) {
  return {
    title: input.title,
    summary: input.summary,
    public_title: input.publicTitle,
    district: input.district,
    amount_requested: input.amountRequested,
    budget_lines: input.budgetLines,
  };
}

/** The call must be published and within its dates (in the city's calendar) to take applications. */
export function requireOpen(call: { published: boolean; opens_on: string; closes_on: string }): void {
  const today = clock().today();
  if (!call.published || today < call.opens_on || today > call.closes_on) {
    throw new AppError('grants_call_closed', 409, {
      params: { opensOn: call.opens_on, closesOn: call.closes_on },
    });
  }
}

export async function createApplication(
  db: Db,
  user: SessionUser,
  actor: Actor,
  input: ApplicationCreate,
): Promise<{ id: string }> {
  return runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = grantsTrx(plain);
    const profile = await trx
      .selectFrom('grants_organisations')
      .select('user_id')
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (!profile) throw new AppError('grants_profile_required', 409);
    const call = await trx
      .selectFrom('grants_calls')
      .selectAll()
      .where('id', '=', input.callId)
      .executeTakeFirst();
    if (!call) {
      throw fieldError('body.callId', 'unknown_call', { ko: '없는 공모입니다.', en: 'No such call.' });
    }
    requireOpen(call);
    const id = randomUUID();
    const after = content(input);
    await trx
      .insertInto('grants_applications')
      .values({
        id,
        call_id: call.id,
        organisation_id: user.id,
        status: 'draft',
        ...after,
        budget_lines: JSON.stringify(after.budget_lines) as never,
        amount_awarded: null,
        submitted_at: null,
        decided_at: null,
        awarded_at: null,
      })
      .execute();
    await audit({
      action: 'grants.create-application',
      entityType: 'grants_applications',
      entityId: id,
      after: { callId: call.id, amountRequested: input.amountRequested },
    });
    return { id };
  });
}

export async function updateApplication(
  db: Db,
  user: SessionUser,
  actor: Actor,
  id: string,
  input: ApplicationUpdate,
): Promise<void> {
  await runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = grantsTrx(plain);
    const before = await loadApplicationRow(trx, id, { forUpdate: true });
    requireApplicant(user, before);
    if (before.version !== input.version) throw conflict();
    if (before.status !== 'draft') {
      throw new AppError('grants_wrong_status', 409, { params: { status: before.status } });
    }
    const after = content(input);
    await trx
      .updateTable('grants_applications')
      .set({
        ...after,
        budget_lines: JSON.stringify(after.budget_lines) as never,
        version: before.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'grants.update-application',
      entityType: 'grants_applications',
      entityId: id,
      before: { amountRequested: Number(before.amount_requested), version: before.version },
      after: { amountRequested: input.amountRequested, version: before.version + 1 },
    });
  });
}
