/** The vocabularies' tables as Kysely sees them, and the one shape in which a term leaves the server. */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Db } from '../db.ts';
import type { Term, VocabularyId } from './contract.ts';

export type TermData = Record<string, string | number | null>;

// A type alias, not an interface: Kysely's `withTables` needs the implicit index signature.
export type VocabTables = {
  vocab_terms: {
    vocabulary: VocabularyId;
    code: string;
    parent_code: string | null;
    name_ko: string | null;
    name_en: string;
    description_ko: string | null;
    description_en: string | null;
    data: Generated<TermData>;
    sort_order: Generated<number>;
    source_section: string | null;
    is_sample: Generated<boolean>;
    version: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  vocab_tags: {
    vocabulary: VocabularyId;
    term_code: string;
    module: string;
    record_type: string;
    record_id: string;
    is_public: boolean;
    is_sample: Generated<boolean>;
    title_ko: string;
    title_en: string;
    path: string;
    updated_at: Generated<Date>;
  };
};

export function vocabDb(db: Db): Kysely<VocabTables> {
  return db.withTables<VocabTables>();
}

export function vocabTrx(trx: Transaction<object>): Transaction<VocabTables> {
  return trx.withTables<VocabTables>();
}

export const termColumns = [
  'vocabulary',
  'code',
  'parent_code',
  'name_ko',
  'name_en',
  'description_ko',
  'description_en',
  'data',
  'sort_order',
  'source_section',
  'is_sample',
  'version',
] as const;

export interface TermRow {
  vocabulary: VocabularyId;
  code: string;
  parent_code: string | null;
  name_ko: string | null;
  name_en: string;
  description_ko: string | null;
  description_en: string | null;
  data: TermData;
  sort_order: number;
  source_section: string | null;
  is_sample: boolean;
  version: number;
}

export function presentTerm(row: TermRow): Term {
  const koMissing = row.name_ko === null;
  const description =
    row.description_en === null
      ? null
      : { ko: row.description_ko ?? row.description_en, en: row.description_en };
  return {
    vocabulary: row.vocabulary,
    code: row.code,
    parentCode: row.parent_code,
    name: { ko: row.name_ko ?? row.name_en, en: row.name_en },
    description,
    koMissing,
    sortOrder: row.sort_order,
    sourceSection: row.source_section,
    isSample: row.is_sample,
    version: row.version,
    data: row.data,
  };
}
