/**
 * Registration for public meetings with seats (roundtables): confirmed while seats last, then the
 * waiting list; a cancellation by the token handed out at registration frees the seat for the first
 * in line. The meeting's row is locked (`for update`) while seats are counted, so two registrations
 * for the last seat are serialised and exactly one gets it, on PostgreSQL as on the embedded engine.
 *
 * Names and contacts are personal data: encrypted at rest, shown to the secretariat only, each read
 * written to the access log, and erased once the meeting is past by the retention period.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { recordConfidentialRead } from '../../../../kernel/server/audit/access-log.ts';
import type { CommandContext } from '../../../../kernel/server/command.ts';
import type { Keyring } from '../../../../kernel/server/crypto.ts';
import { AppError } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import { type CommitteesTables, committeesTrx } from '../tables.ts';
import { lockMeeting } from './meetings.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

async function countConfirmed(trx: Transaction<CommitteesTables>, meetingId: string): Promise<number> {
  const { n } = await trx
    .selectFrom('committees_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return Number(n);
}

async function waitingPosition(
  trx: Transaction<CommitteesTables>,
  meetingId: string,
  seq: number,
): Promise<number> {
  const { n } = await trx
    .selectFrom('committees_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'waiting')
    .where('seq', '<=', seq)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function register(
  { trx: raw, audit }: CommandContext,
  keys: Keyring,
  meetingId: string,
  input: { name: string; contact: string },
  now: Date = new Date(),
) {
  const trx = committeesTrx(raw);
  const meeting = await lockMeeting(trx, meetingId);
  if (!meeting.is_public || meeting.capacity === null || meeting.cancelled || meeting.starts_at <= now) {
    throw new AppError('committees_registration_closed', 409);
  }
  const status: 'confirmed' | 'waiting' =
    (await countConfirmed(trx, meetingId)) < meeting.capacity ? 'confirmed' : 'waiting';
  const token = randomBytes(24).toString('base64url');
  const id = randomUUID();
  const row = await trx
    .insertInto('committees_registrations')
    .values({
      id,
      meeting_id: meetingId,
      name_enc: keys.encryptField(input.name),
      contact_enc: keys.encryptField(input.contact),
      status,
      token_hash: hashToken(token),
      cancelled_at: null,
      erased_at: null,
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  // The meeting's public page shows the seats taken.
  publicDataChanged();
  await audit({
    action: 'committees.register',
    entityType: 'committees_registrations',
    entityId: id,
    after: { meetingId, status },
  });
  return {
    status,
    waitingPosition: status === 'waiting' ? await waitingPosition(trx, meetingId, Number(row.seq)) : null,
    cancellationToken: token,
  };
}

export async function cancelRegistration({ trx: raw, audit }: CommandContext, token: string) {
  const trx = committeesTrx(raw);
  const found = await trx
    .selectFrom('committees_registrations')
    .select(['id', 'meeting_id'])
    .where('token_hash', '=', hashToken(token))
    .where('status', '!=', 'cancelled')
    .executeTakeFirst();
  if (!found) throw new AppError('committees_registration_not_found', 404);
  const meeting = await lockMeeting(trx, found.meeting_id);
  // Read again under the meeting's lock: a concurrent cancellation may have got here first.
  const registration = await trx
    .selectFrom('committees_registrations')
    .select(['id', 'status'])
    .where('id', '=', found.id)
    .executeTakeFirstOrThrow();
  if (registration.status === 'cancelled') throw new AppError('committees_registration_not_found', 404);
  await trx
    .updateTable('committees_registrations')
    .set({ status: 'cancelled', cancelled_at: new Date() })
    .where('id', '=', registration.id)
    .execute();
  await audit({
    action: 'committees.cancel-registration',
    entityType: 'committees_registrations',
    entityId: registration.id,
    before: { status: registration.status },
    after: { status: 'cancelled' },
  });
  if (registration.status === 'confirmed' && meeting.capacity !== null) {
    const free = meeting.capacity - (await countConfirmed(trx, meeting.id));
    if (free > 0) {
      const next = await trx
        .selectFrom('committees_registrations')
        .select('id')
        .where('meeting_id', '=', meeting.id)
        .where('status', '=', 'waiting')
        .orderBy('seq')
        .limit(free)
        .execute();
      for (const promoted of next) {
        await trx
          .updateTable('committees_registrations')
          .set({ status: 'confirmed' })
          .where('id', '=', promoted.id)
          .execute();
        await audit({
          action: 'committees.promote-registration',
          entityType: 'committees_registrations',
          entityId: promoted.id,
          before: { status: 'waiting' },
          after: { status: 'confirmed' },
        });
      }
    }
  }
  publicDataChanged();
  return { status: 'cancelled' as const, meetingId: meeting.id };
}

/** The registrants of a meeting, decrypted for the secretariat; every one shown is logged as read. */
export async function readRegistrants({ trx: raw, actor }: CommandContext, keys: Keyring, meetingId: string) {
  const trx = committeesTrx(raw);
  await lockMeeting(trx, meetingId);
  const rows = await trx
    .selectFrom('committees_registrations')
    .select(['id', 'name_enc', 'contact_enc', 'status', 'created_at'])
    .where('meeting_id', '=', meetingId)
    .where('erased_at', 'is', null)
    .orderBy('seq')
    .execute();
  const registrants = [];
  for (const row of rows) {
    if (row.name_enc === null || row.contact_enc === null) continue;
    await recordConfidentialRead(raw, {
      actorId: actor.userId ?? '',
      ip: actor.ip ?? null,
      entityType: 'committees_registration',
      entityId: row.id,
      reason: 'roundtable registrant list',
    });
    registrants.push({
      id: row.id,
      name: keys.decryptField(row.name_enc),
      contact: keys.decryptField(row.contact_enc),
      status: row.status,
      createdAt: row.created_at.toISOString(),
    });
  }
  return { registrants };
}

/** Erases the names and contacts of registrants of meetings that ended more than `days` ago. */
export async function eraseRegistrants(
  { trx: raw, audit }: CommandContext,
  days: number,
  now: Date = new Date(),
) {
  const trx = committeesTrx(raw);
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const erased = await trx
    .updateTable('committees_registrations')
    .set({ name_enc: null, contact_enc: null, erased_at: now })
    .where('erased_at', 'is', null)
    .where('meeting_id', 'in', (eb) =>
      eb.selectFrom('committees_meetings').select('id').where('ends_at', '<', cutoff),
    )
    .returning('id')
    .execute();
  if (erased.length > 0) {
    await audit({
      action: 'committees.erase-registrants',
      entityType: 'committees_registrations',
      entityId: `${erased.length}`,
      after: { erased: erased.length, retentionDays: days },
    });
  }
  return erased.length;
}
