/**
 * The office opens and edits editions: dates, theme, capacity and whether registration is open. The
 * figures of an edition are the dataset's and are not edited here. A stale `version` is a 409.
 */
import type { Actor } from '../../../../kernel/server/command.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, fieldError } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { EditionCreate, EditionUpdate } from '../../contract.ts';
import { checkForumYear } from '../input.ts';
import { loadEdition } from '../queries.ts';
import { forumTrx } from '../tables.ts';

type EditionFields = Omit<EditionCreate, 'year'>;

function columns(input: EditionFields) {
  checkForumYear('body.startsOn', input.startsOn);
  checkForumYear('body.endsOn', input.endsOn);
  if (input.startsOn !== null && input.endsOn !== null && input.endsOn < input.startsOn) {
    throw fieldError('body.endsOn', 'ends_before_start', {
      ko: '끝나는 날이 시작하는 날보다 앞섭니다.',
      en: 'The end date is before the start date.',
    });
  }
  return {
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    theme_ko: input.theme?.ko ?? null,
    theme_en: input.theme?.en ?? null,
    capacity: input.capacity,
    registration_open: input.registrationOpen,
  };
}

export async function createEdition(db: Db, actor: Actor, input: EditionCreate): Promise<void> {
  const after = columns(input);
  await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const trx = forumTrx(raw);
    const inserted = await trx
      .insertInto('forum_editions')
      .values({ year: input.year, ...after, source_section: null, note: null })
      .onConflict((oc) => oc.column('year').doNothing())
      .returning('year')
      .executeTakeFirst();
    if (!inserted) throw new AppError('forum_edition_exists', 409, { params: { year: input.year } });
    await audit({
      action: 'forum.create-edition',
      entityType: 'forum_editions',
      entityId: String(input.year),
      after,
    });
  });
  publicDataChanged();
}

export async function updateEdition(db: Db, actor: Actor, year: number, input: EditionUpdate): Promise<void> {
  const after = columns(input);
  await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const trx = forumTrx(raw);
    const before = await loadEdition(raw, year, { forUpdate: true });
    if (before.version !== input.version) throw conflict();
    await trx
      .updateTable('forum_editions')
      .set({ ...after, version: before.version + 1, updated_at: new Date() })
      .where('year', '=', year)
      .execute();
    await audit({
      action: 'forum.update-edition',
      entityType: 'forum_editions',
      entityId: String(year),
      before: {
        starts_on: before.starts_on,
        ends_on: before.ends_on,
        theme_ko: before.theme_ko,
        theme_en: before.theme_en,
        capacity: before.capacity,
        registration_open: before.registration_open,
      },
      after,
    });
  });
  publicDataChanged();
}
