/**
 * Creating and changing a funding call (the office): its budget, dates, eligibility rules and scoring
 * rubric. A stale `version` is a 409; the rubric cannot change once a reviewer has scored against it,
 * nor the budget fall below what has already been awarded.
 */
import { randomUUID } from 'node:crypto';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, fieldError } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { Call, CallInput, CallUpdate } from '../../contract.ts';
import { awardedTotals, loadCallRow, presentCalls } from '../queries.ts';
import { type GrantsTrx, grantsTrx } from '../tables.ts';

function checkInput(input: CallInput): void {
  if (input.closesOn < input.opensOn) {
    throw fieldError('body.closesOn', 'dates_inverted', {
      ko: '마감일이 시작일보다 빠릅니다.',
      en: 'The closing date is before the opening date.',
    });
  }
  if (input.maxAmount > input.budget) {
    throw fieldError('body.maxAmount', 'over_budget', {
      ko: '한 신청의 최대 금액이 공모 예산보다 큽니다.',
      en: 'The maximum per application is more than the call’s budget.',
    });
  }
}

function columns(input: CallInput) {
  return {
    kind: input.kind,
    year: input.year,
    title_ko: input.title.ko,
    title_en: input.title.en,
    description_ko: input.description.ko,
    description_en: input.description.en,
    currency: input.currency,
    budget: input.budget,
    max_amount: input.maxAmount,
    opens_on: input.opensOn,
    closes_on: input.closesOn,
    requires_registration: input.requiresRegistration,
    eligible_types: [...new Set(input.eligibleTypes)],
    published: input.published,
  };
}

async function insertCriteria(trx: GrantsTrx, callId: string, criteria: CallInput['criteria']) {
  await trx
    .insertInto('grants_criteria')
    .values(
      criteria.map((criterion, index) => ({
        id: randomUUID(),
        call_id: callId,
        position: index + 1,
        name_ko: criterion.name.ko,
        name_en: criterion.name.en,
        weight: criterion.weight,
      })),
    )
    .execute();
}

async function present(trx: GrantsTrx, id: string): Promise<Call> {
  const [call] = await presentCalls(trx, [await loadCallRow(trx, id)]);
  if (!call) throw new Error(`call ${id} vanished inside its own transaction`);
  return call;
}

export async function createCall(db: Db, actor: Actor, input: CallInput): Promise<Call> {
  checkInput(input);
  const call = await runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = grantsTrx(plain);
    const id = randomUUID();
    const after = columns(input);
    await trx
      .insertInto('grants_calls')
      .values({ id, ...after })
      .execute();
    await insertCriteria(trx, id, input.criteria);
    await audit({
      action: 'grants.create-call',
      entityType: 'grants_calls',
      entityId: id,
      after: { ...after, criteria: input.criteria },
    });
    return present(trx, id);
  });
  publicDataChanged();
  return call;
}

export async function updateCall(db: Db, actor: Actor, id: string, input: CallUpdate): Promise<Call> {
  checkInput(input);
  const call = await runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = grantsTrx(plain);
    const before = await loadCallRow(trx, id, { forUpdate: true });
    if (before.version !== input.version) throw conflict();
    const awarded = (await awardedTotals(trx, [id])).get(id) ?? 0;
    if (input.budget < awarded) {
      throw new AppError('grants_budget_below_awards', 409, { params: { awarded } });
    }
    const [current] = await presentCalls(trx, [before]);
    const sameRubric =
      current !== undefined &&
      current.criteria.length === input.criteria.length &&
      current.criteria.every(
        (criterion, index) =>
          criterion.name.ko === input.criteria[index]?.name.ko &&
          criterion.name.en === input.criteria[index]?.name.en &&
          criterion.weight === input.criteria[index]?.weight,
      );
    if (!sameRubric) {
      const scored = await trx
        .selectFrom('grants_scores as s')
        .innerJoin('grants_criteria as c', 'c.id', 's.criterion_id')
        .select('s.criterion_id')
        .where('c.call_id', '=', id)
        .limit(1)
        .executeTakeFirst();
      if (scored) throw new AppError('grants_rubric_in_use', 409);
      await trx.deleteFrom('grants_criteria').where('call_id', '=', id).execute();
      await insertCriteria(trx, id, input.criteria);
    }
    const after = columns(input);
    await trx
      .updateTable('grants_calls')
      .set({ ...after, version: before.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    const { created_at: _created, updated_at: _updated, ...previous } = before;
    await audit({
      action: 'grants.update-call',
      entityType: 'grants_calls',
      entityId: id,
      before: previous,
      after: { ...after, criteria: input.criteria },
    });
    return present(trx, id);
  });
  publicDataChanged();
  return call;
}
