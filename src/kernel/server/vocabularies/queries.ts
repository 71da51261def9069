/** The public reads of the vocabularies: what the routes put in the public cache. */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Bilingual } from '../../shared/language.ts';
import type { Db } from '../db.ts';
import {
  type termPageSchema,
  type VocabularyId,
  vocabularies,
  vocabularyIds,
  type vocabularySummarySchema,
} from './contract.ts';
import { presentTerm, termColumns, type VocabTables, vocabDb } from './tables.ts';

type VocabularySummary = z.infer<typeof vocabularySummarySchema>;

async function countTerms(db: Db): Promise<Map<string, number>> {
  const rows = await vocabDb(db)
    .selectFrom('vocab_terms')
    .select((eb) => ['vocabulary', eb.fn.countAll<number>().as('count')])
    .groupBy('vocabulary')
    .execute();
  return new Map(rows.map((row) => [row.vocabulary, Number(row.count)]));
}

function summarise(id: VocabularyId, termCount: number): VocabularySummary {
  const { name, description, editable } = vocabularies[id];
  return { id, name, description, editable, termCount };
}

export async function listVocabularies(db: Db): Promise<VocabularySummary[]> {
  const counts = await countTerms(db);
  return vocabularyIds.map((id) => summarise(id, counts.get(id) ?? 0));
}

export async function listTerms(db: Db, vocabulary: VocabularyId) {
  const rows = await vocabDb(db)
    .selectFrom('vocab_terms')
    .select(termColumns)
    .where('vocabulary', '=', vocabulary)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  return { vocabulary: summarise(vocabulary, rows.length), terms: rows.map(presentTerm) };
}

/**
 * Each term's name by its code, for a module that stores codes (a department's, say) and shows names.
 * Takes any of the modules' typed databases or transactions.
 */
export async function termNames<Tables>(
  db: Kysely<Tables>,
  vocabulary: VocabularyId,
): Promise<Map<string, Bilingual>> {
  // A generic database joined with the vocabulary's tables is a type TypeScript cannot resolve.
  const rows = await (db.withTables<VocabTables>() as unknown as Kysely<VocabTables>)
    .selectFrom('vocab_terms')
    .select(['code', 'name_ko', 'name_en'])
    .where('vocabulary', '=', vocabulary)
    .execute();
  return new Map(rows.map((row) => [row.code, { ko: row.name_ko ?? row.name_en, en: row.name_en }]));
}

/** The term and every public record tagged with it, grouped by module; undefined if no such term. */
export async function findTermPage(
  db: Db,
  vocabulary: VocabularyId,
  code: string,
): Promise<z.input<typeof termPageSchema> | undefined> {
  const vocab = vocabDb(db);
  const term = await vocab
    .selectFrom('vocab_terms')
    .select(termColumns)
    .where('vocabulary', '=', vocabulary)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!term) return undefined;
  const [tags, counts] = await Promise.all([
    vocab
      .selectFrom('vocab_tags')
      .select([
        'module',
        'record_type',
        'record_id',
        'title_ko',
        'title_en',
        'path',
        'is_sample',
        'updated_at',
      ])
      .where('vocabulary', '=', vocabulary)
      .where('term_code', '=', code)
      .where('is_public', '=', true)
      .orderBy('module')
      .orderBy('record_type')
      .orderBy('title_ko')
      .execute(),
    countTerms(db),
  ]);
  const modules = new Map<string, z.input<typeof termPageSchema>['modules'][number]>();
  for (const tag of tags) {
    const group = modules.get(tag.module) ?? { module: tag.module, records: [] };
    group.records.push({
      recordType: tag.record_type,
      recordId: tag.record_id,
      title: { ko: tag.title_ko, en: tag.title_en },
      path: tag.path,
      isSample: tag.is_sample,
      updatedAt: new Date(tag.updated_at).toISOString(),
    });
    modules.set(tag.module, group);
  }
  return {
    vocabulary: summarise(vocabulary, counts.get(vocabulary) ?? 0),
    term: presentTerm(term),
    modules: [...modules.values()],
  };
}
