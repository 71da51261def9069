/**
 * Online registration for an edition, and the office's list of registrants. The edition's row is
 * locked (`for update`) for the count and the insert, so two people taking the last place at once
 * are served one after the other: one gets it, the other is told the forum is full. The name and
 * e-mail are one encrypted field, read only by the office, each read recorded in the access log; the
 * audit trail, the answer and every public read carry neither.
 */
import { randomUUID } from 'node:crypto';
import { recordConfidentialRead } from '../../../../kernel/server/audit/access-log.ts';
import type { Actor } from '../../../../kernel/server/command.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Keyring } from '../../../../kernel/server/crypto.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { Registration, RegistrationInput } from '../../contract.ts';
import { countRegistrations, loadEdition } from '../queries.ts';
import { forumTrx } from '../tables.ts';

interface Identity {
  name: string;
  email: string;
}

const emailKey = (keys: Keyring, year: number, email: string) =>
  keys.sign('forum-registration-email', `${year}:${email.trim().toLowerCase()}`);

export async function registerForEdition(
  db: Db,
  keys: Keyring,
  actor: Actor,
  year: number,
  input: RegistrationInput,
): Promise<{ id: string; year: number; placesLeft: number | null }> {
  const identity: Identity = { name: input.name, email: input.email };
  const sealed = keys.encryptField(JSON.stringify(identity));
  const key = emailKey(keys, year, input.email);
  const receipt = await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const trx = forumTrx(raw);
    const edition = await loadEdition(raw, year, { forUpdate: true });
    if (!edition.registration_open)
      throw new AppError('forum_registration_closed', 409, { params: { year } });
    const registered = await countRegistrations(raw, year);
    if (edition.capacity !== null && registered >= edition.capacity) {
      throw new AppError('forum_full', 409, { params: { year, capacity: edition.capacity } });
    }
    const duplicate = await trx
      .selectFrom('forum_registrations')
      .select('id')
      .where('year', '=', year)
      .where('email_key', '=', key)
      .executeTakeFirst();
    if (duplicate) throw new AppError('forum_already_registered', 409, { params: { year } });
    const id = randomUUID();
    await trx
      .insertInto('forum_registrations')
      .values({ id, year, identity: sealed, email_key: key })
      .execute();
    await audit({
      action: 'forum.register',
      entityType: 'forum_registrations',
      entityId: id,
      after: { year },
    });
    const placesLeft = edition.capacity === null ? null : edition.capacity - registered - 1;
    return { id, year, placesLeft };
  });
  publicDataChanged();
  return receipt;
}

export async function listRegistrations(
  db: Db,
  keys: Keyring,
  actor: Actor & { userId: string },
  year: number,
): Promise<Registration[]> {
  return runCommand(db, actor, async ({ trx: raw }) => {
    const trx = forumTrx(raw);
    await loadEdition(raw, year);
    const rows = await trx
      .selectFrom('forum_registrations')
      .select(['id', 'identity', 'registered_at'])
      .where('year', '=', year)
      .orderBy('registered_at')
      .orderBy('id')
      .execute();
    await recordConfidentialRead(raw, {
      actorId: actor.userId,
      ip: actor.ip ?? null,
      entityType: 'forum_registrations',
      entityId: String(year),
      reason: 'forum registrant list',
    });
    return rows.map((row) => {
      const identity = JSON.parse(keys.decryptField(row.identity)) as Identity;
      return {
        id: row.id,
        name: identity.name,
        email: identity.email,
        registeredAt: new Date(row.registered_at).toISOString(),
      };
    });
  });
}
