/**
 * The yearly Human Rights Promotion Contest (held since 2013, seed section 1.4): one per year, open
 * for entries, then judged, then closed, when its winners become public. The steps are one transition
 * table; a step not in it is a 409.
 */
import { randomUUID } from 'node:crypto';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, fieldError, notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import { type ContestInput, type ContestUpdate, contestTransitions } from '../../contract.ts';
import { fieldMessages } from '../messages.ts';
import { charterTrx } from '../tables.ts';

function columns(input: ContestInput | ContestUpdate) {
  const { exhibition } = input;
  if (exhibition.from !== null && exhibition.to !== null && exhibition.to < exhibition.from) {
    throw fieldError('body.exhibition.to', 'charter_exhibition_order', fieldMessages.exhibitionOrder);
  }
  return {
    title_ko: input.title.ko,
    title_en: input.title.en,
    theme_ko: input.theme?.ko ?? null,
    theme_en: input.theme?.en ?? null,
    exhibition_place: exhibition.place,
    exhibition_from: exhibition.from,
    exhibition_to: exhibition.to,
  };
}

export async function createContest(db: Db, actor: Actor, input: ContestInput): Promise<string> {
  const values = columns(input);
  const id = await runCommand(db, actor, async ({ trx, audit }) => {
    const inserted = await charterTrx(trx)
      .insertInto('charter_contests')
      .values({ id: randomUUID(), year: input.year, status: 'open', ...values })
      .onConflict((oc) => oc.column('year').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new AppError('charter_contest_year_taken', 409, { params: { year: input.year } });
    await audit({
      action: 'charter.create-contest',
      entityType: 'charter_contests',
      entityId: inserted.id,
      after: { year: input.year, ...values, status: 'open' },
    });
    return inserted.id;
  });
  publicDataChanged();
  return id;
}

export async function updateContest(db: Db, actor: Actor, id: string, input: ContestUpdate): Promise<void> {
  const values = columns(input);
  await runCommand(db, actor, async ({ trx, audit }) => {
    const charter = charterTrx(trx);
    const current = await charter
      .selectFrom('charter_contests')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict();
    if (input.status !== current.status && !contestTransitions[current.status].includes(input.status)) {
      throw new AppError('charter_status_not_allowed', 409, {
        params: { from: current.status, to: input.status },
      });
    }
    await charter
      .updateTable('charter_contests')
      .set({ ...values, status: input.status, version: current.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    const { created_at: _created, updated_at: _updated, ...before } = current;
    await audit({
      action: 'charter.update-contest',
      entityType: 'charter_contests',
      entityId: id,
      before,
      after: { ...values, status: input.status, version: current.version + 1 },
    });
  });
  publicDataChanged();
}
