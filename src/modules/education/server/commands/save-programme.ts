/**
 * Creating and editing an education programme: its target group (one of Table 3's), titles, summary,
 * whether the public sees it, and its tags. The tags' copy of the title, path and visibility changes in
 * the same transaction, so a term's page never lists a programme that is no longer public.
 */
import { randomUUID } from 'node:crypto';
import { type Actor, type CommandContext, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict, fieldError, notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import { setTags } from '../../../../kernel/server/vocabularies/tags.ts';
import type { ProgrammeInput, ProgrammeUpdate } from '../../contract.ts';
import { fieldMessages } from '../messages.ts';
import { programmePath } from '../queries.ts';
import { educationTrx, type ProgrammeRow } from '../tables.ts';

type Saved = Pick<ProgrammeRow, 'id' | 'group_code' | 'title_ko' | 'title_en' | 'is_public'> & {
  version: number;
};

const audited = (row: Saved) => ({
  groupCode: row.group_code,
  title: { ko: row.title_ko, en: row.title_en },
  isPublic: row.is_public,
  version: row.version,
});

async function checkGroup({ trx }: CommandContext, code: string): Promise<void> {
  const group = await educationTrx(trx)
    .selectFrom('education_groups')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  if (!group) throw fieldError('body.groupCode', 'education_unknown_group', fieldMessages.unknownGroup);
}

async function tag(context: CommandContext, row: Saved, input: ProgrammeInput): Promise<void> {
  await setTags(
    context.trx,
    {
      module: 'education',
      recordType: 'programme',
      recordId: row.id,
      isPublic: row.is_public,
      title: { ko: row.title_ko, en: row.title_en },
      path: programmePath(row.id),
    },
    input.tags,
  );
}

const columns = (input: ProgrammeInput) => ({
  group_code: input.groupCode,
  title_ko: input.title.ko,
  title_en: input.title.en,
  summary_ko: input.summary?.ko ?? null,
  summary_en: input.summary?.en ?? null,
  is_public: input.isPublic,
});

export async function createProgramme(db: Db, actor: Actor, input: ProgrammeInput): Promise<string> {
  const id = await runCommand(db, actor, async (context) => {
    await checkGroup(context, input.groupCode);
    const row = await educationTrx(context.trx)
      .insertInto('education_programmes')
      .values({ id: randomUUID(), ...columns(input) })
      .returning(['id', 'group_code', 'title_ko', 'title_en', 'is_public', 'version'])
      .executeTakeFirstOrThrow();
    await tag(context, row, input);
    await context.audit({
      action: 'education.create-programme',
      entityType: 'education_programmes',
      entityId: row.id,
      after: audited(row),
    });
    return row.id;
  });
  publicDataChanged();
  return id;
}

export async function updateProgramme(
  db: Db,
  actor: Actor,
  id: string,
  input: ProgrammeUpdate,
): Promise<void> {
  await runCommand(db, actor, async (context) => {
    const edu = educationTrx(context.trx);
    const current = await edu
      .selectFrom('education_programmes')
      .select(['id', 'group_code', 'title_ko', 'title_en', 'is_public', 'version'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict();
    await checkGroup(context, input.groupCode);
    const row = await edu
      .updateTable('education_programmes')
      .set({ ...columns(input), version: current.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returning(['id', 'group_code', 'title_ko', 'title_en', 'is_public', 'version'])
      .executeTakeFirstOrThrow();
    await tag(context, row, input);
    await context.audit({
      action: 'education.update-programme',
      entityType: 'education_programmes',
      entityId: id,
      before: audited(current),
      after: audited(row),
    });
  });
  publicDataChanged();
}
