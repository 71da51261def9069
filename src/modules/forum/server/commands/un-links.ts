/**
 * The office links a UN document to the platform records that answer it (a module, a record type, a
 * record id or a path, and a title), and removes such links. Only public records belong here: the
 * register is a public page.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../../kernel/server/command.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { fieldError, notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { UnLink, UnLinkInput } from '../../contract.ts';
import { forumTrx } from '../tables.ts';

export async function addUnLink(
  db: Db,
  actor: Actor,
  documentId: string,
  input: UnLinkInput,
): Promise<UnLink> {
  if (input.recordId === null && input.path === null) {
    throw fieldError('body.path', 'record_or_path', {
      ko: '기록 번호나 주소 가운데 하나는 적어 주세요.',
      en: 'Give the record id or the path, or both.',
    });
  }
  const link = await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const trx = forumTrx(raw);
    const document = await trx
      .selectFrom('forum_un_documents')
      .select('id')
      .where('id', '=', documentId)
      .forUpdate()
      .executeTakeFirst();
    if (!document) throw notFound();
    const values = {
      id: randomUUID(),
      document_id: documentId,
      module: input.module,
      record_type: input.recordType,
      record_id: input.recordId,
      path: input.path,
      title_ko: input.title.ko,
      title_en: input.title.en,
      created_by: actor.userId,
    };
    await trx.insertInto('forum_un_links').values(values).execute();
    const { id, created_by: _by, ...after } = values;
    await audit({ action: 'forum.add-un-link', entityType: 'forum_un_links', entityId: id, after });
    return {
      id,
      module: input.module,
      recordType: input.recordType,
      recordId: input.recordId,
      path: input.path,
      title: input.title,
    };
  });
  publicDataChanged();
  return link;
}

export async function removeUnLink(db: Db, actor: Actor, id: string): Promise<void> {
  await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const trx = forumTrx(raw);
    const before = await trx
      .deleteFrom('forum_un_links')
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!before) throw notFound();
    await audit({ action: 'forum.remove-un-link', entityType: 'forum_un_links', entityId: id, before });
  });
  publicDataChanged();
}
