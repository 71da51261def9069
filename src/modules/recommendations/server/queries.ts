/**
 * Reading the register: the public tracker (public records only, whoever asks) and the staff view
 * (what the caller's capacities open: everything for the office, a department's own recommendations
 * for a department).
 */
import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';
import { vocabDb } from '../../../kernel/server/vocabularies/tables.ts';
import { listTags } from '../../../kernel/server/vocabularies/tags.ts';
import type { ListQuery, Recommendation, RecommendationList, RecommendationSummary } from '../contract.ts';
import { applyTraceFilters } from './filters.ts';
import { type RecommendationsTables, type RecordRow, recommendationsDb } from './tables.ts';
import { unDetailsOf } from './un.ts';

/** Whose records a list shows: the public's, the office's (all), or one department's. */
export type Scope =
  | { kind: 'public' }
  | { kind: 'office' }
  | { kind: 'department'; code: string }
  | { kind: 'ombudsman' };

type Selected = Omit<
  RecordRow,
  | 'seed_order'
  | 'historical'
  | 'is_public'
  | 'status'
  | 'version'
  | 'created_at'
  | 'updated_at'
  | 'source_module'
  | 'source_id'
  | 'source_path'
  | 'public_summary_ko'
  | 'public_summary_en'
  | 'summary_published_at'
> & {
  public_summary_ko: string | null;
  public_summary_en: string | null;
  historical: boolean;
  is_public: boolean;
  status: RecommendationSummary['status'];
  version: number;
};

async function departmentNames(db: Db): Promise<Map<string, { ko: string; en: string }>> {
  const rows = await vocabDb(db)
    .selectFrom('vocab_terms')
    .select(['code', 'name_ko', 'name_en'])
    .where('vocabulary', '=', 'departments')
    .execute();
  return new Map(rows.map((row) => [row.code, { ko: row.name_ko ?? row.name_en, en: row.name_en }]));
}

/** What the public read of an ombudsman's recommendation in place of its source (no case identifier). */
export const ombudsmanPublicReference = '인권옴부즈맨 권고 (Human rights ombudsman)';

/**
 * An ombudsman's recommendation (not the seed's historical ones, which quote the seed) is read by the
 * public only as the summary the ombudsman published: its text, source reference, the departments'
 * reasons and the timeline's notes could name the case or its people, so none of them is shown.
 */
export const anonymised = (row: Pick<Selected, 'source_kind' | 'historical'>, view: View) =>
  view === 'public' && row.source_kind === 'ombudsman' && !row.historical;

/** Whose eyes a record is shaped for: the public's, or staff's. */
export type View = 'public' | 'staff';

async function summaries(db: Db, rows: Selected[], view: View): Promise<RecommendationSummary[]> {
  if (rows.length === 0) return [];
  const names = await departmentNames(db);
  const parts = await recommendationsDb(db)
    .selectFrom('recommendations_departments')
    .selectAll()
    .where(
      'recommendation_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('department_code')
    .execute();
  const un = await unDetailsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    source: {
      kind: row.source_kind,
      reference: anonymised(row, view) ? ombudsmanPublicReference : row.source_reference,
      citation: row.source_citation,
      section: row.source_section,
    },
    text: anonymised(row, view)
      ? { ko: row.public_summary_ko ?? '', en: row.public_summary_en ?? '' }
      : { ko: row.text_ko, en: row.text_en },
    departments: parts
      .filter((part) => part.recommendation_id === row.id)
      .map((part) => ({
        code: part.department_code,
        name: names.get(part.department_code) ?? { ko: part.department_code, en: part.department_code },
        answer: part.answer,
        reasons: anonymised(row, view) ? null : part.reasons,
        answeredAt: part.answered_at ? new Date(part.answered_at).toISOString() : null,
      })),
    issuedOn: row.issued_on,
    answerDue: row.answer_due,
    implementationDue: row.implementation_due,
    historical: row.historical,
    isPublic: row.is_public,
    status: row.status,
    closedReason: row.closed_reason,
    version: row.version,
    un: un.get(row.id) ?? null,
  }));
}

const columns = [
  'id',
  'source_kind',
  'source_reference',
  'source_citation',
  'source_section',
  'seed_code',
  'text_ko',
  'text_en',
  'public_summary_ko',
  'public_summary_en',
  'issued_on',
  'answer_due',
  'implementation_due',
  'historical',
  'is_public',
  'status',
  'closed_reason',
  'version',
] as const;

function inScope(scope: Scope) {
  return (eb: ExpressionBuilder<RecommendationsTables, 'recommendations_records'>) => {
    if (scope.kind === 'public') return eb('is_public', '=', true);
    if (scope.kind === 'office') return eb.val(true);
    if (scope.kind === 'ombudsman') return eb('source_kind', '=', 'ombudsman');
    return eb.exists(
      eb
        .selectFrom('recommendations_departments as d')
        .select('d.department_code')
        .whereRef('d.recommendation_id', '=', 'recommendations_records.id')
        .where('d.department_code', '=', scope.code),
    );
  };
}

export async function listRecommendations(
  db: Db,
  scope: Scope,
  query: ListQuery,
): Promise<RecommendationList> {
  let base = recommendationsDb(db).selectFrom('recommendations_records').where(inScope(scope));
  if (query.source) base = base.where('source_kind', '=', query.source);
  if (query.status) base = base.where('status', '=', query.status);
  if (query.year !== undefined) base = base.where('issued_on', 'like', `${query.year}-%`);
  if (query.mechanism) {
    // The UN details are another table than the register's types know: the subquery is plain SQL.
    const mechanism = query.mechanism;
    base = base
      .where('source_kind', '=', 'un')
      .where(
        sql<boolean>`id in (select recommendation_id from recommendations_un where mechanism = ${mechanism})`,
      );
  }
  if (query.department) {
    const code = query.department;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('recommendations_departments as d')
          .select('d.department_code')
          .whereRef('d.recommendation_id', '=', 'recommendations_records.id')
          .where('d.department_code', '=', code),
      ),
    );
  }
  base = applyTraceFilters(base, query);
  const counted = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  // Newest first; historical records (no date) after the dated ones, in the dataset's order.
  const rows = (await base
    .select([...columns])
    .orderBy(sql`issued_on desc nulls last`)
    .orderBy('created_at', 'desc')
    .orderBy('seed_order')
    .orderBy('id')
    .limit(query.limit)
    .offset(query.offset)
    .execute()) as Selected[];
  return {
    items: await summaries(db, rows, scope.kind === 'public' ? 'public' : 'staff'),
    total: Number(counted.n),
    limit: query.limit,
    offset: query.offset,
  };
}

/** The departments a recommendation is addressed to (for the policy), or undefined if there is none. */
export async function addressedDepartments(db: Db, id: string): Promise<string[] | undefined> {
  const record = await recommendationsDb(db)
    .selectFrom('recommendations_records')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!record) return undefined;
  const parts = await recommendationsDb(db)
    .selectFrom('recommendations_departments')
    .select('department_code')
    .where('recommendation_id', '=', id)
    .execute();
  return parts.map((part) => part.department_code);
}

/** The record's tags with their terms' names (Korean falls back to English where a term has none). */
async function namedTags(db: Db, id: string) {
  const tags = await listTags(db, { module: 'recommendations', recordType: 'recommendation', recordId: id });
  if (tags.length === 0) return [];
  const terms = await vocabDb(db)
    .selectFrom('vocab_terms')
    .select(['vocabulary', 'code', 'name_ko', 'name_en'])
    .where((eb) =>
      eb.or(tags.map((tag) => eb.and([eb('vocabulary', '=', tag.vocabulary), eb('code', '=', tag.code)]))),
    )
    .execute();
  return tags.map((tag) => {
    const term = terms.find((entry) => entry.vocabulary === tag.vocabulary && entry.code === tag.code);
    const en = term?.name_en ?? tag.code;
    return { ...tag, name: { ko: term?.name_ko ?? en, en } };
  });
}

/** One recommendation with its tags and timeline, or undefined; `publicOnly` hides a non-public one. */
export async function readRecommendation(
  db: Db,
  id: string,
  options: { publicOnly: boolean },
): Promise<Recommendation | undefined> {
  let query = recommendationsDb(db)
    .selectFrom('recommendations_records')
    .select([...columns])
    .where('id', '=', id);
  if (options.publicOnly) query = query.where('is_public', '=', true);
  const row = (await query.executeTakeFirst()) as Selected | undefined;
  if (!row) return undefined;
  const view: View = options.publicOnly ? 'public' : 'staff';
  const [summary] = await summaries(db, [row], view);
  if (!summary) return undefined;
  const events = await recommendationsDb(db)
    .selectFrom('recommendations_events')
    .selectAll()
    .where('recommendation_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    ...summary,
    tags: await namedTags(db, id),
    timeline: events.map((event) => ({
      action: event.action,
      fromStatus: event.from_status,
      toStatus: event.to_status,
      departmentCode: event.department_code,
      answer: event.answer,
      reason: event.reason,
      note: anonymised(row, view) ? null : event.note,
      at: new Date(event.at).toISOString(),
    })),
  };
}
