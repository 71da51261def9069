/**
 * The module's settings: the 360Giving identifier prefix of the city (`360G-` and the publisher's
 * registered prefix), used for grant identifiers in the 360Giving export. The default lives here; the
 * table holds an override once an administrator sets one.
 */

import { sql } from 'kysely';
import { currentCity } from '../../../../kernel/server/city/city.ts';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import { type GrantsDb, type GrantsTrx, grantsTrx } from '../tables.ts';

/** `360G-<city>` until the office sets the prefix 360Giving registered for it. */
export const defaultIdentifierPrefix = (): string => `360G-${currentCity().id}`;
const prefixKey = 'identifier_prefix';

export async function readSettings(reader: GrantsDb | GrantsTrx) {
  const row = await reader
    .selectFrom('grants_settings')
    .select(['value', 'version'])
    .where('key', '=', prefixKey)
    .executeTakeFirst();
  return { identifierPrefix: row?.value ?? defaultIdentifierPrefix(), version: row?.version ?? 0 };
}

export async function updateSettings(
  db: Db,
  actor: Actor,
  input: { identifierPrefix: string; version: number },
) {
  const saved = await runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = grantsTrx(plain);
    const before = await trx
      .selectFrom('grants_settings')
      .select(['value', 'version'])
      .where('key', '=', prefixKey)
      .forUpdate()
      .executeTakeFirst();
    if ((before?.version ?? 0) !== input.version) throw conflict();
    const written = await trx
      .insertInto('grants_settings')
      .values({ key: prefixKey, value: input.identifierPrefix })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({
            value: input.identifierPrefix,
            version: sql<number>`grants_settings.version + 1`,
            updated_at: sql<Date>`now()`,
          })
          // The first change finds no row to lock: two at once meet here, and only one may win.
          .where('grants_settings.version', '=', input.version),
      )
      .returning('key')
      .executeTakeFirst();
    if (!written) throw conflict();
    await audit({
      action: 'grants.update-settings',
      entityType: 'grants_settings',
      entityId: prefixKey,
      before: { identifierPrefix: before?.value ?? defaultIdentifierPrefix() },
      after: { identifierPrefix: input.identifierPrefix },
    });
    return readSettings(trx);
  });
  publicDataChanged();
  return saved;
}
