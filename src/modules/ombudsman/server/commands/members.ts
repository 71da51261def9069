/**
 * Appointing ombudsmen: whether a member is standing is data kept by the Human Rights Office (admins
 * and officers), not a role, because it decides who sees complainants' identities. So no one person
 * can grant it: the office proposes, and the appointment grants nothing until a second person
 * confirms it: the standing ombudsman in office, or, when none is in office, an admin. Nobody
 * confirms their own appointment or one they proposed. The office ends (from a given last day) and
 * withdraws (at once) appointments, with a reason. Every step is audited and kept in
 * `ombudsman_grants` for the standing ombudsman's review.
 *
 * Assignments to cases also give identities, but only the standing ombudsman assigns (the workflow
 * table says so), and only to members whose appointment is in force: the standing ombudsman is the
 * second person of that grant, so it needs no confirmation of its own.
 */

import { sql } from 'kysely';
import type { z } from 'zod';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { cityToday } from '../../../../kernel/server/city/clock.ts';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, fieldError, notFound } from '../../../../kernel/server/errors.ts';
import type {
  AppointmentState,
  endAppointmentSchema,
  memberInputSchema,
  withdrawAppointmentSchema,
} from '../../contract.ts';
import { notifyAppointmentConfirmed, notifyAppointmentToConfirm } from '../notifications.ts';
import { appointmentInForce } from '../policy.ts';
import { type OmbudsmanDb, type OmbudsmanTrx, ombudsmanDb, ombudsmanTrx } from '../tables.ts';

type MemberInput = z.infer<typeof memberInputSchema>;
type Reader = OmbudsmanDb | OmbudsmanTrx;

function memberQuery(om: Reader) {
  return om
    .selectFrom('ombudsman_members')
    .innerJoin('accounts_users', 'accounts_users.id', 'ombudsman_members.user_id')
    .select([
      'ombudsman_members.user_id',
      'accounts_users.display_name',
      'accounts_users.role',
      'ombudsman_members.standing',
      'ombudsman_members.appointed_on',
      'ombudsman_members.term_ends_on',
      'ombudsman_members.expertise',
      'ombudsman_members.version',
      'ombudsman_members.proposed_by',
      'ombudsman_members.proposed_at',
      'ombudsman_members.confirmed_by',
      'ombudsman_members.confirmed_at',
      'ombudsman_members.end_reason',
      'ombudsman_members.withdrawn_at',
      'ombudsman_members.withdrawal_reason',
      (eb) =>
        eb
          .selectFrom('accounts_users as p')
          .select('p.display_name')
          .whereRef('p.id', '=', 'ombudsman_members.proposed_by')
          .as('proposer_name'),
      (eb) =>
        eb
          .selectFrom('accounts_users as c')
          .select('c.display_name')
          .whereRef('c.id', '=', 'ombudsman_members.confirmed_by')
          .as('confirmer_name'),
    ]);
}

type MemberRow = Awaited<ReturnType<ReturnType<typeof memberQuery>['executeTakeFirstOrThrow']>>;

function stateOf(row: MemberRow, today: string): AppointmentState {
  if (row.withdrawn_at !== null) return 'withdrawn';
  if (row.confirmed_at === null) return 'pending';
  if (row.term_ends_on !== null && row.term_ends_on < today) return 'ended';
  if (row.appointed_on > today) return 'upcoming';
  return 'in_force';
}

/** Whether any standing appointment is in force (then only a standing ombudsman confirms). */
function standingInOffice(rows: readonly MemberRow[], today: string): MemberRow[] {
  return rows.filter((row) => row.role === 'ombudsman' && row.standing && appointmentInForce(row, today));
}

/**
 * Why `user` may not confirm `row`, or null when they may. The one rule of confirmation, used by the
 * command and by the list (which tells the page whom to offer the Confirm button).
 */
function refusalToConfirm(
  user: Pick<SessionUser, 'id' | 'role'>,
  row: MemberRow,
  inOffice: readonly MemberRow[],
): 'own_appointment' | 'proposer_cannot_confirm' | 'standing_ombudsman_confirms' | 'forbidden' | null {
  if (row.user_id === user.id) return 'own_appointment';
  if (row.proposed_by === user.id) return 'proposer_cannot_confirm';
  if (user.role === 'ombudsman') {
    return inOffice.some((member) => member.user_id === user.id) ? null : 'forbidden';
  }
  if (user.role === 'admin') return inOffice.length === 0 ? null : 'standing_ombudsman_confirms';
  return 'forbidden';
}

/** The pending appointments `user` may confirm, for My work (the same rule as the Confirm button). */
export async function appointmentsToConfirm(db: Db, user: Pick<SessionUser, 'id' | 'role'>) {
  const today = cityToday();
  const rows = await memberQuery(ombudsmanDb(db)).execute();
  const inOffice = standingInOffice(rows, today);
  return rows
    .filter((row) => stateOf(row, today) === 'pending' && refusalToConfirm(user, row, inOffice) === null)
    .map((row) => ({ userId: row.user_id, displayName: row.display_name, standing: row.standing }));
}

function presentMember(
  row: MemberRow,
  user: SessionUser | null,
  inOffice: readonly MemberRow[],
  today: string,
) {
  const state = stateOf(row, today);
  return {
    userId: row.user_id,
    displayName: row.display_name,
    standing: row.standing,
    appointedOn: row.appointed_on,
    termEndsOn: row.term_ends_on,
    expertise: row.expertise,
    version: row.version,
    state,
    proposedBy: row.proposer_name ?? null,
    proposedAt: row.proposed_at?.toISOString() ?? null,
    confirmedBy: row.confirmer_name ?? null,
    confirmedAt: row.confirmed_at?.toISOString() ?? null,
    endReason: row.end_reason,
    withdrawalReason: row.withdrawal_reason,
    confirmable: state === 'pending' && user !== null && refusalToConfirm(user, row, inOffice) === null,
  };
}

async function presentOne(trx: OmbudsmanTrx, user: SessionUser | null, userId: string) {
  const today = cityToday();
  const rows = await memberQuery(trx).execute();
  const row = rows.find((item) => item.user_id === userId);
  if (!row) throw notFound();
  return presentMember(row, user, standingInOffice(rows, today), today);
}

export async function listMembers(db: Db, user: SessionUser) {
  const today = cityToday();
  const rows = await memberQuery(ombudsmanDb(db)).orderBy('accounts_users.display_name').execute();
  const inOffice = standingInOffice(rows, today);
  return rows.map((row) => presentMember(row, user, inOffice, today));
}

async function lockMember(trx: OmbudsmanTrx, userId: string, version: number) {
  const current = await trx
    .selectFrom('ombudsman_members')
    .selectAll()
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw notFound();
  if (current.version !== version) throw conflict();
  return current;
}

async function recordGrant(
  trx: OmbudsmanTrx,
  actorId: string | null,
  action: 'proposed' | 'confirmed' | 'ended' | 'withdrawn',
  member: { user_id: string; standing: boolean; appointed_on: string; term_ends_on: string | null },
  reason: string | null = null,
) {
  await trx
    .insertInto('ombudsman_grants')
    .values({
      user_id: member.user_id,
      action,
      actor_id: actorId,
      standing: member.standing,
      appointed_on: member.appointed_on,
      term_ends_on: member.term_ends_on,
      reason,
    })
    .execute();
}

/**
 * Proposes the appointment of the user (who must have the `ombudsman` role) or a change of it. A
 * change that grants no more than the appointment in force (an expertise, a shorter term, standing
 * given up) takes effect at once; anything else is pending until confirmed, and grants nothing
 * meanwhile. The system actor (the operator at the command line or a dataset, who holds the server
 * anyway) appoints at once.
 */
export async function setMember(
  db: Db,
  actor: Actor,
  userId: string,
  input: MemberInput,
  as: SessionUser | null = null,
) {
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
    if (input.termEndsOn !== null && input.termEndsOn < input.appointedOn) {
      throw fieldError('body.termEndsOn', 'term_ends_before_it_starts', {
        ko: '임기 만료일은 위촉일보다 앞설 수 없습니다.',
        en: 'The term cannot end before the appointment begins.',
      });
    }
    const current = await trx
      .selectFrom('ombudsman_members')
      .selectAll()
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (current && current.version !== input.version) throw conflict();
    const grantsNoMore =
      current !== undefined &&
      appointmentInForce(current) &&
      (current.standing || !input.standing) &&
      input.appointedOn >= current.appointed_on &&
      (current.term_ends_on === null ||
        (input.termEndsOn !== null && input.termEndsOn <= current.term_ends_on));
    const system = actor.userId === null;
    const values = {
      standing: input.standing,
      appointed_on: input.appointedOn,
      term_ends_on: input.termEndsOn,
      expertise: input.expertise,
      ...(grantsNoMore
        ? {}
        : {
            proposed_by: actor.userId,
            proposed_at: new Date(),
            confirmed_by: null,
            confirmed_at: system ? new Date() : null,
            ended_by: null,
            ended_at: null,
            end_reason: null,
            withdrawn_by: null,
            withdrawn_at: null,
            withdrawal_reason: null,
          }),
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
    const grant = {
      user_id: userId,
      standing: input.standing,
      appointed_on: input.appointedOn,
      term_ends_on: input.termEndsOn,
    };
    if (!grantsNoMore) {
      await recordGrant(trx, actor.userId, 'proposed', grant);
      if (system) await recordGrant(trx, null, 'confirmed', grant);
      else {
        const inOffice = standingInOffice(await memberQuery(trx).execute(), cityToday());
        const confirmers = inOffice.map((member) => member.user_id).filter((id) => id !== userId);
        await notifyAppointmentToConfirm(plain, confirmers, actor.userId);
      }
    }
    await audit({
      action: grantsNoMore
        ? 'ombudsman.update-member'
        : current
          ? 'ombudsman.propose-appointment-change'
          : 'ombudsman.propose-appointment',
      entityType: 'ombudsman_members',
      entityId: userId,
      before: current
        ? { standing: current.standing, appointedOn: current.appointed_on, termEndsOn: current.term_ends_on }
        : undefined,
      after: {
        standing: input.standing,
        appointedOn: input.appointedOn,
        termEndsOn: input.termEndsOn,
        pending: !grantsNoMore && !system,
      },
    });
    return presentOne(trx, as, userId);
  });
}

/** Confirms a pending appointment: by a second person (see `refusalToConfirm`). */
export async function confirmAppointment(
  db: Db,
  user: SessionUser,
  actor: Actor,
  userId: string,
  input: { version: number },
) {
  return runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = ombudsmanTrx(plain);
    const current = await lockMember(trx, userId, input.version);
    if (current.confirmed_at !== null || current.withdrawn_at !== null) {
      throw new AppError('ombudsman_appointment_not_pending', 409);
    }
    const today = cityToday();
    const rows = await memberQuery(trx).execute();
    const row = rows.find((item) => item.user_id === userId);
    if (!row) throw notFound();
    const refusal = refusalToConfirm(user, row, standingInOffice(rows, today));
    if (refusal === 'forbidden') throw new AppError('forbidden', 403);
    if (refusal !== null) throw new AppError(`ombudsman_${refusal}`, 403);
    await trx
      .updateTable('ombudsman_members')
      .set({
        confirmed_by: user.id,
        confirmed_at: new Date(),
        version: sql<number>`version + 1`,
        updated_at: sql<Date>`now()`,
      })
      .where('user_id', '=', userId)
      .execute();
    await recordGrant(trx, user.id, 'confirmed', current);
    // Every grant is known to the standing ombudsmen in office (issue 18), and to the appointee.
    const inOffice = standingInOffice(await memberQuery(trx).execute(), today).map(
      (member) => member.user_id,
    );
    await notifyAppointmentConfirmed(plain, [...inOffice, userId], user.id);
    await audit({
      action: 'ombudsman.confirm-appointment',
      entityType: 'ombudsman_members',
      entityId: userId,
      before: { pending: true, proposedBy: current.proposed_by },
      after: {
        standing: current.standing,
        appointedOn: current.appointed_on,
        termEndsOn: current.term_ends_on,
        confirmedBy: user.id,
      },
    });
    return presentOne(trx, user, userId);
  });
}

/** Ends a confirmed appointment: its term's last day becomes `endsOn` (never later than it was). */
export async function endAppointment(
  db: Db,
  user: SessionUser,
  actor: Actor,
  userId: string,
  input: z.infer<typeof endAppointmentSchema>,
) {
  return runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = ombudsmanTrx(plain);
    const current = await lockMember(trx, userId, input.version);
    if (current.confirmed_at === null || current.withdrawn_at !== null) {
      // A pending appointment is withdrawn, not ended; a withdrawn one has nothing left to end.
      throw new AppError('ombudsman_appointment_not_confirmed', 409);
    }
    if (input.endsOn < current.appointed_on) {
      throw fieldError('body.endsOn', 'ends_before_it_starts', {
        ko: '위촉일보다 앞선 날로 종료할 수 없습니다.',
        en: 'An appointment cannot end before it began.',
      });
    }
    if (current.term_ends_on !== null && input.endsOn > current.term_ends_on) {
      throw fieldError('body.endsOn', 'ends_after_term', {
        ko: `종료일은 임기 만료일(${current.term_ends_on})보다 늦을 수 없습니다. 임기 연장은 새 위촉으로 제안해 주세요.`,
        en: `The last day cannot be after the term's end (${current.term_ends_on}); propose an extension as a new appointment.`,
      });
    }
    await trx
      .updateTable('ombudsman_members')
      .set({
        term_ends_on: input.endsOn,
        ended_by: actor.userId,
        ended_at: new Date(),
        end_reason: input.reason,
        version: sql<number>`version + 1`,
        updated_at: sql<Date>`now()`,
      })
      .where('user_id', '=', userId)
      .execute();
    await recordGrant(trx, actor.userId, 'ended', { ...current, term_ends_on: input.endsOn }, input.reason);
    await audit({
      action: 'ombudsman.end-appointment',
      entityType: 'ombudsman_members',
      entityId: userId,
      before: { termEndsOn: current.term_ends_on },
      after: { termEndsOn: input.endsOn },
    });
    return presentOne(trx, user, userId);
  });
}

/** Withdraws an appointment, pending or confirmed: it grants nothing from now on. */
export async function withdrawAppointment(
  db: Db,
  user: SessionUser,
  actor: Actor,
  userId: string,
  input: z.infer<typeof withdrawAppointmentSchema>,
) {
  return runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = ombudsmanTrx(plain);
    const current = await lockMember(trx, userId, input.version);
    if (current.withdrawn_at !== null) throw new AppError('ombudsman_appointment_withdrawn', 409);
    await trx
      .updateTable('ombudsman_members')
      .set({
        withdrawn_by: actor.userId,
        withdrawn_at: new Date(),
        withdrawal_reason: input.reason,
        version: sql<number>`version + 1`,
        updated_at: sql<Date>`now()`,
      })
      .where('user_id', '=', userId)
      .execute();
    await recordGrant(trx, actor.userId, 'withdrawn', current, input.reason);
    await audit({
      action: 'ombudsman.withdraw-appointment',
      entityType: 'ombudsman_members',
      entityId: userId,
      before: { pending: current.confirmed_at === null },
      after: { withdrawn: true },
    });
    return presentOne(trx, user, userId);
  });
}

/** Every grant, newest first, for the review of who was given access and by whom. */
export async function listGrants(db: Db) {
  const rows = await ombudsmanDb(db)
    .selectFrom('ombudsman_grants as g')
    .innerJoin('accounts_users as u', 'u.id', 'g.user_id')
    .leftJoin('accounts_users as a', 'a.id', 'g.actor_id')
    .select([
      'g.id',
      'g.user_id',
      'u.display_name',
      'g.action',
      'a.display_name as actor_name',
      'g.at',
      'g.standing',
      'g.appointed_on',
      'g.term_ends_on',
      'g.reason',
    ])
    .orderBy('g.id', 'desc')
    .limit(500)
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    userId: row.user_id,
    displayName: row.display_name,
    action: row.action,
    actorName: row.actor_name,
    at: row.at.toISOString(),
    standing: row.standing,
    appointedOn: row.appointed_on,
    termEndsOn: row.term_ends_on,
    reason: row.reason,
  }));
}
