/**
 * The ombudsman publishes an ombudsman's recommendation as an anonymised summary they write (issue 16,
 * item 5): from then on the public tracker, the portal's search and the term pages show the summary
 * in place of the text, and nothing that could name the case or its people (see `queries.ts`). The
 * summary may be corrected later (same command, the version read); it is never unpublished here,
 * since what was published has been read.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import { listTags, setTags } from '../../../../kernel/server/vocabularies/tags.ts';
import type { PublishSummaryInput } from '../../contract.ts';
import { capacitiesOn } from '../policy.ts';
import { recommendationsTrx } from '../tables.ts';

const shortTitle = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

export async function publishSummary(
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: string,
  input: PublishSummaryInput,
): Promise<{ version: number }> {
  const version = await runCommand(db, actor, async ({ trx, audit }) => {
    const register = recommendationsTrx(trx);
    const record = await register
      .selectFrom('recommendations_records')
      .select(['source_kind', 'historical', 'version', 'public_summary_ko', 'public_summary_en'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!record) throw notFound();
    // Only an ombudsman's recommendation has a summary, and only an ombudsman sees one to write it.
    if (!capacitiesOn(user, [], record.source_kind).has('ombudsman')) throw notFound();
    if (record.historical) throw new AppError('recommendations_historical', 409);
    if (record.version !== input.version) throw conflict();
    await register
      .updateTable('recommendations_records')
      .set({
        public_summary_ko: input.summary.ko,
        public_summary_en: input.summary.en,
        summary_published_at: new Date(),
        is_public: true,
        version: record.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    // The term pages show the summary as the record's title, now public.
    const ref = { module: 'recommendations', recordType: 'recommendation', recordId: id };
    await setTags(
      trx,
      {
        ...ref,
        isPublic: true,
        title: { ko: shortTitle(input.summary.ko), en: shortTitle(input.summary.en) },
        path: `/recommendations/${id}`,
      },
      await listTags(trx, ref),
    );
    await audit({
      action: 'recommendations.publish-summary',
      entityType: 'recommendations_records',
      entityId: id,
      before: {
        summary: { ko: record.public_summary_ko, en: record.public_summary_en },
        version: record.version,
      },
      after: { summary: input.summary, isPublic: true, version: record.version + 1 },
    });
    return record.version + 1;
  });
  publicDataChanged();
  return { version };
}
