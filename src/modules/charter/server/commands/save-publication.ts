/**
 * Adding and editing a charter publication (a new edition of the calendar, a reprint of the
 * guidebook): its titles, year and description. The seed's own words (`quote`) stay as the dataset has
 * them.
 */
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict, fieldError, notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { PublicationInput, PublicationUpdate } from '../../contract.ts';
import { fieldMessages } from '../messages.ts';
import { charterTrx } from '../tables.ts';

const columns = (input: PublicationUpdate | PublicationInput) => ({
  title_ko: input.title.ko,
  title_en: input.title.en,
  published_year: input.year,
  description_ko: input.description?.ko ?? null,
  description_en: input.description?.en ?? null,
});

export async function createPublication(db: Db, actor: Actor, input: PublicationInput): Promise<void> {
  await runCommand(db, actor, async ({ trx, audit }) => {
    const inserted = await charterTrx(trx)
      .insertInto('charter_publications')
      .values({ code: input.code, ...columns(input) })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('code')
      .executeTakeFirst();
    if (!inserted)
      throw fieldError('body.code', 'charter_publication_code_taken', fieldMessages.publicationCodeTaken);
    await audit({
      action: 'charter.create-publication',
      entityType: 'charter_publications',
      entityId: input.code,
      after: { title: input.title, year: input.year, version: 1 },
    });
  });
  publicDataChanged();
}

export async function updatePublication(
  db: Db,
  actor: Actor,
  code: string,
  input: PublicationUpdate,
): Promise<void> {
  await runCommand(db, actor, async ({ trx, audit }) => {
    const charter = charterTrx(trx);
    const current = await charter
      .selectFrom('charter_publications')
      .select(['title_ko', 'title_en', 'published_year', 'version'])
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict();
    await charter
      .updateTable('charter_publications')
      .set({ ...columns(input), version: current.version + 1, updated_at: new Date() })
      .where('code', '=', code)
      .execute();
    await audit({
      action: 'charter.update-publication',
      entityType: 'charter_publications',
      entityId: code,
      before: {
        title: { ko: current.title_ko, en: current.title_en },
        year: current.published_year,
        version: current.version,
      },
      after: { title: input.title, year: input.year, version: current.version + 1 },
    });
  });
  publicDataChanged();
}
