/**
 * UN recommendations beside the register (issue 16, item 2): the mechanism, body, document symbol and
 * paragraph and the original text of a record whose source is a UN body, in `recommendations_un`.
 * Symbol and paragraph are the key a person cites a UN recommendation by, so one of them is recorded
 * once; and a UN recommendation is public, always (what the UN recommended is public already).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';
import { fieldError } from '../../../kernel/server/errors.ts';
import type { Bilingual } from '../../../kernel/shared/language.ts';
import type { RecommendationInput, UnDetails, UnDetailsRead, UnMechanism } from '../contract.ts';

// A type alias, not an interface: Kysely's `withTables` needs the implicit index signature.
export type UnRow = {
  recommendation_id: string;
  mechanism: UnMechanism;
  body: string;
  symbol: string;
  paragraph: string;
  original_language: string;
  original_text: string;
  addressed_to: UnDetails['addressedTo'];
  cycle: string | null;
  year: number | null;
  annotation_id: string | null;
};

export type UnTables = { recommendations_un: UnRow };

export function unDb(db: Db | Transaction<object>): Kysely<UnTables> {
  return db.withTables<UnTables>();
}

export const unFieldMessages = {
  notUnSource: {
    ko: 'UN 권고의 세부 사항은 출처가 UN일 때만 적습니다.',
    en: 'UN details belong to a recommendation whose source is a UN body.',
  },
  alwaysPublic: {
    ko: 'UN 권고는 언제나 공개합니다.',
    en: 'A UN recommendation is always public.',
  },
  duplicate: {
    ko: '이 문서 기호와 단락의 UN 권고가 이미 등록되어 있습니다.',
    en: 'A UN recommendation with this document symbol and paragraph is already in the register.',
  },
} satisfies Record<string, Bilingual>;

/** The stable key of a UN recommendation: its document symbol and paragraph. */
export const unKey = (symbol: string, paragraph: string) => `${symbol}\u0000${paragraph}`;

/** How a person cites it, as the record's `source.reference`: `A/HRC/40/9, para. 132.45`. */
export const unReference = (symbol: string, paragraph: string) => `${symbol}, para. ${paragraph}`;

export function unValues(id: string, un: UnDetails, annotationId: string | null = null): UnRow {
  return {
    recommendation_id: id,
    mechanism: un.mechanism,
    body: un.body,
    symbol: un.symbol,
    paragraph: un.paragraph,
    original_language: un.originalLanguage,
    original_text: un.originalText,
    addressed_to: un.addressedTo,
    cycle: un.cycle,
    year: un.year,
    annotation_id: annotationId,
  };
}

/**
 * The rules a recorded or edited recommendation meets as to the UN: details only with a UN source, a
 * UN source always public, and one record per symbol and paragraph (`id` is the record being edited).
 */
export async function checkUnInput(
  trx: Transaction<object>,
  input: RecommendationInput,
  id: string | null,
): Promise<void> {
  if (input.un && input.source.kind !== 'un') {
    throw fieldError('body.un', 'recommendations_un_source', unFieldMessages.notUnSource);
  }
  if (input.source.kind === 'un' && !input.isPublic) {
    throw fieldError('body.isPublic', 'recommendations_un_public', unFieldMessages.alwaysPublic);
  }
  if (!input.un) return;
  let query = unDb(trx)
    .selectFrom('recommendations_un')
    .select('recommendation_id')
    .where('symbol', '=', input.un.symbol)
    .where('paragraph', '=', input.un.paragraph);
  if (id !== null) query = query.where('recommendation_id', '<>', id);
  if (await query.executeTakeFirst()) {
    throw fieldError('body.un.paragraph', 'recommendations_un_duplicate', unFieldMessages.duplicate);
  }
}

/**
 * Writes a record's UN details: `undefined` keeps what it has (an edit that does not send them), `null`
 * removes them, details replace them (the UHRI identifier of an imported record stays).
 */
export async function saveUnDetails(
  trx: Transaction<object>,
  id: string,
  un: UnDetails | null | undefined,
): Promise<void> {
  if (un === undefined) return;
  const table = unDb(trx);
  if (un === null) {
    await table.deleteFrom('recommendations_un').where('recommendation_id', '=', id).execute();
    return;
  }
  const { recommendation_id: _id, annotation_id: _annotation, ...changes } = unValues(id, un);
  await table
    .insertInto('recommendations_un')
    .values(unValues(id, un))
    .onConflict((oc) => oc.column('recommendation_id').doUpdateSet(changes))
    .execute();
}

/** The UN details of the given records, by record id (records without them are absent). */
export async function unDetailsOf(db: Db, ids: readonly string[]): Promise<Map<string, UnDetailsRead>> {
  if (ids.length === 0) return new Map();
  const rows = await unDb(db)
    .selectFrom('recommendations_un')
    .selectAll()
    .where('recommendation_id', 'in', ids)
    .execute();
  return new Map(
    rows.map((row) => [
      row.recommendation_id,
      {
        mechanism: row.mechanism,
        body: row.body,
        symbol: row.symbol,
        paragraph: row.paragraph,
        originalLanguage: row.original_language,
        originalText: row.original_text,
        addressedTo: row.addressed_to,
        cycle: row.cycle,
        year: row.year,
        annotationId: row.annotation_id,
      },
    ]),
  );
}
