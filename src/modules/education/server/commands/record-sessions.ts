/**
 * Recording the sessions of a programme, one from the form or many from an attendance sheet: either
 * way in one transaction, and public data (participants, coverage) changes with it.
 */
import { randomUUID } from 'node:crypto';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { SessionInput } from '../../contract.ts';
import { educationTrx } from '../tables.ts';

export async function recordSessions(
  db: Db,
  actor: Actor,
  programmeId: string,
  sessions: readonly SessionInput[],
  origin: 'form' | 'sheet',
): Promise<string[]> {
  const ids = await runCommand(db, actor, async ({ trx, audit }) => {
    const edu = educationTrx(trx);
    const programme = await edu
      .selectFrom('education_programmes')
      .select('id')
      .where('id', '=', programmeId)
      .executeTakeFirst();
    if (!programme) throw notFound();
    const rows = sessions.map((session) => ({
      id: randomUUID(),
      programme_id: programmeId,
      held_on: session.heldOn,
      place: session.place,
      instructor: session.instructor,
      participants: session.participants,
      recorded_by: actor.userId,
    }));
    // Batches keep each statement's parameters well under PostgreSQL's limit of 65,535.
    for (let start = 0; start < rows.length; start += 1000) {
      await edu
        .insertInto('education_sessions')
        .values(rows.slice(start, start + 1000))
        .execute();
    }
    // Dates and head counts only: the audit trail carries no instructor's name.
    await audit({
      action: origin === 'form' ? 'education.record-session' : 'education.import-attendance',
      entityType: 'education_programmes',
      entityId: programmeId,
      after: {
        sessions: rows.map((row) => ({ id: row.id, heldOn: row.held_on, participants: row.participants })),
      },
    });
    return rows.map((row) => row.id);
  });
  publicDataChanged();
  return ids;
}
