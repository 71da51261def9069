/**
 * Agenda documents as uploaded files. The secretariat attaches them to an agenda item (the kernel
 * decides the type from the content, limits the size and keeps the bytes encrypted), and removes one
 * sent by mistake until the agenda is published; the public downloads those of a public meeting once
 * its agenda is published, and only the secretariat before that: a document is often a draft until
 * the agenda goes out, and part of the public record after.
 */
import type { CommandContext } from '../../../../kernel/server/command.ts';
import type { Keyring } from '../../../../kernel/server/crypto.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, fieldError, notFound } from '../../../../kernel/server/errors.ts';
import { deleteStoredFile, readStoredFile, storeFile } from '../../../../kernel/server/files/index.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { AgendaFile } from '../../contract.ts';
import { presentAgendaFile } from '../queries.ts';
import { committeesDb, committeesTrx } from '../tables.ts';
import { lockMeeting } from './meetings.ts';

/** As many as the links an item may carry: an agenda item is not a document archive. */
export const maxFilesPerItem = 20;

/** An agenda item, with its meeting's row locked. */
async function lockItem(trx: ReturnType<typeof committeesTrx>, agendaItemId: string) {
  const item = await trx
    .selectFrom('committees_agenda_items')
    .select(['id', 'meeting_id'])
    .where('id', '=', agendaItemId)
    .executeTakeFirst();
  if (!item) throw notFound();
  return { item, meeting: await lockMeeting(trx, item.meeting_id) };
}

export async function attachAgendaFile(
  { trx: raw, audit, actor }: CommandContext,
  keys: Keyring,
  agendaItemId: string,
  upload: { name: string; body: unknown },
): Promise<AgendaFile> {
  const trx = committeesTrx(raw);
  // The meeting's row lock makes the count below hold against a concurrent upload.
  const { item } = await lockItem(trx, agendaItemId);
  const { n } = await trx
    .selectFrom('committees_agenda_files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agenda_item_id', '=', agendaItemId)
    .executeTakeFirstOrThrow();
  if (Number(n) >= maxFilesPerItem) {
    throw fieldError('file', 'committees_too_many_files', {
      ko: `안건 하나에 자료는 ${maxFilesPerItem}개까지 올릴 수 있습니다.`,
      en: `An agenda item takes at most ${maxFilesPerItem} files.`,
    });
  }
  const file = await storeFile(raw, keys, {
    module: 'committees',
    name: upload.name,
    body: upload.body,
    createdBy: actor.userId,
  });
  await trx
    .insertInto('committees_agenda_files')
    .values({ file_id: file.id, agenda_item_id: item.id })
    .execute();
  await audit({
    action: 'committees.attach-agenda-file',
    entityType: 'committees_agenda_items',
    entityId: item.id,
    after: { fileId: file.id, name: file.name, contentType: file.contentType, sizeBytes: file.sizeBytes },
  });
  publicDataChanged();
  return presentAgendaFile(file);
}

/** Removes a document of `agendaItemId` with its bytes, while the meeting's agenda is unpublished. */
export async function removeAgendaFile(
  { trx: raw, audit }: CommandContext,
  agendaItemId: string,
  fileId: string,
): Promise<void> {
  const trx = committeesTrx(raw);
  // Locked, so that the agenda is not published between this check and the removal.
  const { item, meeting } = await lockItem(trx, agendaItemId);
  if (meeting.agenda_published) throw new AppError('committees_agenda_file_published', 409);
  const unlinked = await trx
    .deleteFrom('committees_agenda_files')
    .where('file_id', '=', fileId)
    .where('agenda_item_id', '=', item.id)
    .executeTakeFirst();
  const file = unlinked.numDeletedRows === 0n ? undefined : await deleteStoredFile(raw, fileId);
  if (!file) throw notFound();
  await audit({
    action: 'committees.remove-agenda-file',
    entityType: 'committees_agenda_items',
    entityId: item.id,
    before: { fileId, name: file.name, sha256: file.sha256 },
    after: null,
  });
}

/**
 * A document with its bytes, for a reader who may have it: anyone when its meeting is public and the
 * agenda published, otherwise the secretariat and the committee's members (who read the agenda before
 * it is published, to prepare). Anyone else is told there is no such document.
 */
export async function readAgendaFile(db: Db, keys: Keyring, fileId: string, isInsider: boolean) {
  const link = await committeesDb(db)
    .selectFrom('committees_agenda_files as f')
    .innerJoin('committees_agenda_items as a', 'a.id', 'f.agenda_item_id')
    .innerJoin('committees_meetings as m', 'm.id', 'a.meeting_id')
    .select(['m.is_public', 'm.agenda_published'])
    .where('f.file_id', '=', fileId)
    .executeTakeFirst();
  if (!link || !(isInsider || (link.is_public && link.agenda_published))) throw notFound();
  const stored = await readStoredFile(db, keys, fileId);
  if (!stored) throw notFound();
  return stored;
}
