/**
 * Contest entries: added by the office while the contest is open (the entrant's name encrypted, and
 * kept out of the audit trail), judged while it is being judged: a score, an award, and whether the
 * entry is shown in the exhibition.
 */
import { randomUUID } from 'node:crypto';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Keyring } from '../../../../kernel/server/crypto.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { EntryInput, Judgement } from '../../contract.ts';
import { charterTrx } from '../tables.ts';

export async function addEntry(
  db: Db,
  keys: Keyring,
  actor: Actor,
  contestId: string,
  input: EntryInput,
): Promise<string> {
  const id = await runCommand(db, actor, async ({ trx, audit }) => {
    const charter = charterTrx(trx);
    // Locked so that an entry cannot slip in while another officer moves the contest on.
    const contest = await charter
      .selectFrom('charter_contests')
      .select('status')
      .where('id', '=', contestId)
      .forShare()
      .executeTakeFirst();
    if (!contest) throw notFound();
    if (contest.status !== 'open') throw new AppError('charter_contest_not_open', 409);
    const entryId = randomUUID();
    await charter
      .insertInto('charter_entries')
      .values({
        id: entryId,
        contest_id: contestId,
        title: input.title,
        category: input.category,
        entrant_enc: keys.encryptField(input.entrant),
        score: null,
        award: null,
      })
      .execute();
    await audit({
      action: 'charter.add-entry',
      entityType: 'charter_entries',
      entityId: entryId,
      after: { contestId, title: input.title, category: input.category },
    });
    return entryId;
  });
  // The public page counts a contest's entries.
  publicDataChanged();
  return id;
}

export async function judgeEntry(db: Db, actor: Actor, entryId: string, input: Judgement): Promise<string> {
  return runCommand(db, actor, async ({ trx, audit }) => {
    const charter = charterTrx(trx);
    const entry = await charter
      .selectFrom('charter_entries as e')
      .innerJoin('charter_contests as c', 'c.id', 'e.contest_id')
      .select(['e.contest_id', 'e.score', 'e.award', 'e.exhibited', 'e.version', 'c.status'])
      .where('e.id', '=', entryId)
      .forUpdate()
      .executeTakeFirst();
    if (!entry) throw notFound();
    if (entry.version !== input.version) throw conflict();
    if (entry.status !== 'judging') throw new AppError('charter_contest_not_judging', 409);
    await charter
      .updateTable('charter_entries')
      .set({
        score: input.score,
        award: input.award,
        exhibited: input.exhibited,
        version: entry.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', entryId)
      .execute();
    await audit({
      action: 'charter.judge-entry',
      entityType: 'charter_entries',
      entityId: entryId,
      before: { score: entry.score, award: entry.award, exhibited: entry.exhibited, version: entry.version },
      after: {
        score: input.score,
        award: input.award,
        exhibited: input.exhibited,
        version: entry.version + 1,
      },
    });
    return entry.contest_id;
  });
}
