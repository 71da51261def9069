/** The counselling log: sessions that may never become a case, kept without identity and counted per year. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import type { counsellingInputSchema } from '../../contract.ts';
import { ombudsmanDb, ombudsmanTrx } from '../tables.ts';
import { assertKnownRights } from './rights.ts';

type CounsellingInput = z.infer<typeof counsellingInputSchema>;

export async function recordCounselling(db: Db, actor: Actor & { userId: string }, input: CounsellingInput) {
  return runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = ombudsmanTrx(plain);
    await assertKnownRights(trx, input.rights, 'body.rights');
    const id = randomUUID();
    await trx
      .insertInto('ombudsman_counselling')
      .values({
        id,
        held_on: input.heldOn,
        channel: input.channel,
        topic: input.topic,
        rights: input.rights,
        outcome: input.outcome,
        created_by: actor.userId,
      })
      .execute();
    await audit({
      action: 'ombudsman.record-counselling',
      entityType: 'ombudsman_counselling',
      entityId: id,
      after: { heldOn: input.heldOn, channel: input.channel, outcome: input.outcome },
    });
    return { id, ...input };
  });
}

export async function listCounselling(db: Db, year: number) {
  const rows = await ombudsmanDb(db)
    .selectFrom('ombudsman_counselling')
    .selectAll()
    .where('held_on', '>=', `${year}-01-01`)
    .where('held_on', '<=', `${year}-12-31`)
    .orderBy('held_on', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    heldOn: row.held_on,
    channel: row.channel as CounsellingInput['channel'],
    topic: row.topic,
    rights: row.rights,
    outcome: row.outcome as CounsellingInput['outcome'],
  }));
}
