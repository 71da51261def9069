/**
 * The programme of an edition: sessions with their times (stored in UTC, entered and shown in
 * the city's time zone), languages and speakers, added and edited by the office. A stale `version` is a 409.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../../kernel/server/command.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict, fieldError, notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { Session, SessionInput, SessionUpdate } from '../../contract.ts';
import { checkForumYear } from '../input.ts';
import { loadEdition, presentSession } from '../queries.ts';
import { forumTrx } from '../tables.ts';

function columns(input: SessionInput) {
  checkForumYear('body.startsAt', input.startsAt);
  checkForumYear('body.endsAt', input.endsAt);
  if (Date.parse(input.endsAt) <= Date.parse(input.startsAt)) {
    throw fieldError('body.endsAt', 'ends_before_start', {
      ko: '끝나는 시각이 시작하는 시각보다 뒤여야 합니다.',
      en: 'The end time must be after the start time.',
    });
  }
  return {
    title_ko: input.title.ko,
    title_en: input.title.en,
    starts_at: new Date(input.startsAt),
    ends_at: new Date(input.endsAt),
    languages: [...new Set(input.languages)],
    speakers: JSON.stringify(input.speakers),
  };
}

export async function createSession(
  db: Db,
  actor: Actor,
  year: number,
  input: SessionInput,
): Promise<Session> {
  const values = columns(input);
  const session = await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const trx = forumTrx(raw);
    await loadEdition(raw, year, { forUpdate: true });
    const row = await trx
      .insertInto('forum_sessions')
      .values({ id: randomUUID(), year, ...values })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      action: 'forum.create-session',
      entityType: 'forum_sessions',
      entityId: row.id,
      after: { year, ...values },
    });
    return presentSession(row);
  });
  publicDataChanged();
  return session;
}

export async function updateSession(
  db: Db,
  actor: Actor,
  id: string,
  input: SessionUpdate,
): Promise<Session> {
  const values = columns(input);
  const session = await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const trx = forumTrx(raw);
    const before = await trx
      .selectFrom('forum_sessions')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound();
    if (before.version !== input.version) throw conflict();
    const row = await trx
      .updateTable('forum_sessions')
      .set({ ...values, version: before.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const { updated_at: _updated, ...previous } = before;
    await audit({
      action: 'forum.update-session',
      entityType: 'forum_sessions',
      entityId: id,
      before: previous,
      after: values,
    });
    return presentSession(row);
  });
  publicDataChanged();
  return session;
}
