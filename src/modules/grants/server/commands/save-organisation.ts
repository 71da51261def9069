/**
 * An organisation account's profile (name, registration number, type). An administrator creates the
 * account with the `organisation` role through the accounts API; the organisation then fills in its
 * profile here before it can apply. Version 0 creates the profile; afterwards the version read.
 */
import { sql } from 'kysely';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict } from '../../../../kernel/server/errors.ts';
import type { Organisation, OrganisationInput } from '../../contract.ts';
import { type GrantsDb, type GrantsTrx, grantsTrx } from '../tables.ts';

export async function readOrganisation(
  reader: GrantsDb | GrantsTrx,
  userId: string,
): Promise<Organisation | null> {
  const row = await reader
    .selectFrom('grants_organisations')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    name: row.name,
    registrationNumber: row.registration_number,
    type: row.type,
    version: row.version,
  };
}

export async function saveOrganisation(
  db: Db,
  actor: Actor & { userId: string },
  input: OrganisationInput,
): Promise<Organisation> {
  return runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = grantsTrx(plain);
    const before = await trx
      .selectFrom('grants_organisations')
      .selectAll()
      .where('user_id', '=', actor.userId)
      .forUpdate()
      .executeTakeFirst();
    if ((before?.version ?? 0) !== input.version) throw conflict();
    const after = { name: input.name, registration_number: input.registrationNumber, type: input.type };
    const written = await trx
      .insertInto('grants_organisations')
      .values({ user_id: actor.userId, ...after })
      .onConflict((oc) =>
        oc
          .column('user_id')
          .doUpdateSet({
            ...after,
            version: sql<number>`grants_organisations.version + 1`,
            updated_at: sql<Date>`now()`,
          })
          // A first profile saved twice at once finds no row to lock: the second insert meets the
          // first's row here, and only a row still at the version read may be changed.
          .where('grants_organisations.version', '=', input.version),
      )
      .returning('user_id')
      .executeTakeFirst();
    if (!written) throw conflict();
    await audit({
      action: before ? 'grants.update-organisation' : 'grants.create-organisation',
      entityType: 'grants_organisations',
      entityId: actor.userId,
      before: before
        ? { name: before.name, registration_number: before.registration_number, type: before.type }
        : undefined,
      after,
    });
    const saved = await readOrganisation(trx, actor.userId);
    if (!saved) throw new Error('the profile vanished inside its own transaction');
    return saved;
  });
}
