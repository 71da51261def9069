/**
 * The register's port (`RecommendationRegister`, declared by the kernel): how another module issues a
 * recommendation, inside its own command, and keeps the recommendation's publication following its
 * source's rule. The kernel hands it to every module's routes as `kernel.recommendations`, so no
 * module imports this file. From here on the recommendation lives in the register: the departments
 * answer, report and are followed up on `/staff/recommendations/:id`.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';
import { fieldError } from '../../../kernel/server/errors.ts';
import type {
  IssuedRecommendation,
  RecommendationIssue,
  RecommendationRegister,
} from '../../../kernel/server/module.ts';
import { publicDataChanged } from '../../../kernel/server/open-data/public-cache.ts';
import type { TagInput } from '../../../kernel/server/vocabularies/contract.ts';
import { vocabTrx } from '../../../kernel/server/vocabularies/tables.ts';
import { setTags } from '../../../kernel/server/vocabularies/tags.ts';
import { addressTo, recordIssue } from './commands/save-recommendation.ts';
import { fieldMessages } from './messages.ts';
import { recommendationsDb, recommendationsTrx } from './tables.ts';

const shortTitle = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** The register's tag copy of a record: its title, public page and visibility. */
async function retag(
  trx: Transaction<object>,
  id: string,
  text: { ko: string; en: string },
  isPublic: boolean,
  tags: readonly TagInput[],
) {
  await setTags(
    trx,
    {
      module: 'recommendations',
      recordType: 'recommendation',
      recordId: id,
      isPublic,
      title: { ko: shortTitle(text.ko), en: shortTitle(text.en) },
      path: `/recommendations/${id}`,
    },
    tags,
  );
}

async function issue(
  {
    trx,
    audit,
  }: { trx: Transaction<object>; audit: Parameters<RecommendationRegister['issue']>[0]['audit'] },
  input: RecommendationIssue,
): Promise<string> {
  const departments = [...new Set(input.departments)];
  const known = await vocabTrx(trx)
    .selectFrom('vocab_terms')
    .select('code')
    .where('vocabulary', '=', 'departments')
    .where('code', 'in', departments.length > 0 ? departments : [''])
    .execute();
  const found = new Set(known.map((term) => term.code));
  const unknown = input.departments.findIndex((code) => !found.has(code));
  if (departments.length === 0 || unknown >= 0) {
    throw fieldError(
      `departments.${Math.max(unknown, 0)}`,
      'recommendations_unknown_department',
      fieldMessages.unknownDepartment,
    );
  }
  const id = randomUUID();
  const register = recommendationsTrx(trx);
  const values = {
    source_kind: input.source.kind,
    source_reference: input.source.reference,
    source_module: input.source.module,
    source_id: input.source.id,
    source_path: input.source.path ?? null,
    text_ko: input.text.ko,
    text_en: input.text.en,
    issued_on: input.issuedOn,
    answer_due: input.answerDue ?? null,
    implementation_due: input.implementationDue ?? null,
    is_public: input.isPublic,
  };
  await register
    .insertInto('recommendations_records')
    .values({ id, ...values, status: 'issued' })
    .execute();
  await addressTo(trx, id, departments);
  // The departments are told in this transaction, as when the office records one.
  await recordIssue(trx, { id, reference: input.source.reference }, departments, null);
  await retag(trx, id, input.text, input.isPublic, input.tags ?? []);
  await audit({
    action: 'recommendations.issue',
    entityType: 'recommendations_records',
    entityId: id,
    after: { ...values, departments, tags: input.tags ?? [], version: 1 },
  });
  publicDataChanged();
  return id;
}

async function sourceChanged(
  trx: Transaction<object>,
  source: { module: string; id: string },
  change: { isPublic: boolean },
): Promise<void> {
  const changed = await recommendationsTrx(trx)
    .updateTable('recommendations_records')
    .set({ is_public: change.isPublic, updated_at: new Date() })
    .where('source_module', '=', source.module)
    .where('source_id', '=', source.id)
    .where('is_public', '<>', change.isPublic)
    .returning(['id'])
    .execute();
  if (changed.length === 0) return;
  // The kernel's copy of each record's visibility (term pages) follows it.
  await vocabTrx(trx)
    .updateTable('vocab_tags')
    .set({ is_public: change.isPublic, updated_at: new Date() })
    .where('module', '=', 'recommendations')
    .where('record_type', '=', 'recommendation')
    .where(
      'record_id',
      'in',
      changed.map((row) => row.id),
    )
    .execute();
  publicDataChanged();
}

async function bySource(
  db: Db,
  module: string,
  ids: readonly string[],
): Promise<Map<string, IssuedRecommendation[]>> {
  const result = new Map<string, IssuedRecommendation[]>();
  if (ids.length === 0) return result;
  const register = recommendationsDb(db);
  const rows = await register
    .selectFrom('recommendations_records')
    .select(['id', 'source_id', 'status', 'text_ko', 'text_en', 'is_public'])
    .where('source_module', '=', module)
    .where('source_id', 'in', ids)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return result;
  const parts = await register
    .selectFrom('recommendations_departments')
    .select(['recommendation_id', 'department_code'])
    .where(
      'recommendation_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('department_code')
    .execute();
  for (const row of rows) {
    const list = result.get(row.source_id ?? '') ?? [];
    list.push({
      id: row.id,
      status: row.status,
      departments: parts
        .filter((part) => part.recommendation_id === row.id)
        .map((part) => part.department_code),
      text: { ko: row.text_ko, en: row.text_en },
      isPublic: row.is_public,
      staffPath: `/staff/recommendations/${encodeURIComponent(row.id)}`,
      publicPath: row.is_public ? `/recommendations/${encodeURIComponent(row.id)}` : null,
    });
    result.set(row.source_id ?? '', list);
  }
  return result;
}

export const recommendationRegister: RecommendationRegister = { issue, sourceChanged, bySource };
