/**
 * Appointing ombudsmen: whether a member is standing is data kept by the Human Rights Office (admins
 * and officers), not a role, because it decides who sees complainants' identities.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict, fieldError } from '../../../../kernel/server/errors.ts';
import type { memberInputSchema } from '../../contract.ts';
import { type OmbudsmanDb, ombudsmanDb, ombudsmanTrx } from '../tables.ts';

type MemberInput = z.infer<typeof memberInputSchema>;

function memberQuery(om: OmbudsmanDb | ReturnType<typeof ombudsmanTrx>) {
  return om
    .selectFrom('ombudsman_members')
    .innerJoin('accounts_users', 'accounts_users.id', 'ombudsman_members.user_id')
    .select([
      'ombudsman_members.user_id',
      'accounts_users.display_name',
      'ombudsman_members.standing',
      'ombudsman_members.appointed_on',
      'ombudsman_members.term_ends_on',
      'ombudsman_members.expertise',
      'ombudsman_members.version',
    ]);
}

type MemberRow = Awaited<ReturnType<ReturnType<typeof memberQuery>['executeTakeFirstOrThrow']>>;

function presentMember(row: MemberRow) {
  return {
    userId: row.user_id,
    displayName: row.display_name,
    standing: row.standing,
    appointedOn: row.appointed_on,
    termEndsOn: row.term_ends_on,
    expertise: row.expertise,
    version: row.version,
  };
}

export async function listMembers(db: Db) {
  const rows = await memberQuery(ombudsmanDb(db)).orderBy('accounts_users.display_name').execute();
  return rows.map(presentMember);
}

/** Appoints the user (who must have the `ombudsman` role) or changes their appointment. */
export async function setMember(db: Db, actor: Actor, userId: string, input: MemberInput) {
  return runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = ombudsmanTrx(plain);
    const user = await trx
      .selectFrom('accounts_users')
      .select('role')
      .where('id', '=', userId)
      .executeTakeFirst();
    if (user?.role !== 'ombudsman') {
      throw fieldError('params.userId', 'not_an_ombudsman_account', {
        ko: '인권옴부즈맨 역할을 가진 사용자만 위촉할 수 있습니다.',
        en: 'Only a user with the ombudsman role can be appointed.',
      });
    }
    const current = await trx
      .selectFrom('ombudsman_members')
      .selectAll()
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (current && current.version !== input.version) throw conflict();
    const values = {
      standing: input.standing,
      appointed_on: input.appointedOn,
      term_ends_on: input.termEndsOn,
      expertise: input.expertise,
    };
    if (current) {
      await trx
        .updateTable('ombudsman_members')
        .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
        .where('user_id', '=', userId)
        .execute();
    } else {
      await trx
        .insertInto('ombudsman_members')
        .values({ user_id: userId, ...values })
        .execute();
    }
    await audit({
      action: current ? 'ombudsman.update-member' : 'ombudsman.appoint-member',
      entityType: 'ombudsman_members',
      entityId: userId,
      before: current
        ? { standing: current.standing, appointedOn: current.appointed_on, termEndsOn: current.term_ends_on }
        : undefined,
      after: { standing: input.standing, appointedOn: input.appointedOn, termEndsOn: input.termEndsOn },
    });
    return presentMember(
      await memberQuery(trx).where('ombudsman_members.user_id', '=', userId).executeTakeFirstOrThrow(),
    );
  });
}
