/** The charter module's tables as Kysely sees them. */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';
import type { Award, ContestStatus, EntryCategory } from '../contract.ts';

// Type aliases, not interfaces: Kysely's `withTables` needs the implicit index signature.
export type ContestRow = {
  id: string;
  year: number;
  title_ko: string;
  title_en: string;
  theme_ko: string | null;
  theme_en: string | null;
  status: ContestStatus;
  exhibition_place: string | null;
  exhibition_from: string | null;
  exhibition_to: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type EntryRow = {
  id: string;
  contest_id: string;
  title: string;
  category: EntryCategory;
  entrant_enc: string;
  score: number | null;
  award: Award | null;
  exhibited: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type CharterTables = {
  charter_declaration: {
    id: number;
    declared_on: string;
    citizens_day_figure: string;
    world_rank_figure: string;
    first_in_asia_quote: string;
    declared_quote: string;
    source_section: string;
  };
  charter_paragraphs: { paragraph: number; text_ko: string; text_en: string; source_section: string };
  charter_publications: {
    code: string;
    title_ko: string;
    title_en: string;
    published_year: number | null;
    description_ko: string | null;
    description_en: string | null;
    quote: string | null;
    source_section: string | null;
    sort_order: Generated<number>;
    version: Generated<number>;
    updated_at: Generated<Date>;
  };
  charter_contests: ContestRow;
  charter_entries: EntryRow;
};

export function charterDb(db: Db | Transaction<object>): Kysely<CharterTables> {
  return db.withTables<CharterTables>();
}

export function charterTrx(trx: Transaction<object>): Transaction<CharterTables> {
  return trx.withTables<CharterTables>();
}
