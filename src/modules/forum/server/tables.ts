/** The forum module's tables as Kysely sees them (and the kernel's figures, which it reads). */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';

// Type aliases, not interfaces: Kysely's `withTables` needs the implicit index signature.
export type ForumTables = {
  forum_editions: {
    year: number;
    starts_on: string | null;
    ends_on: string | null;
    theme_ko: string | null;
    theme_en: string | null;
    capacity: number | null;
    registration_open: Generated<boolean>;
    source_section: string | null;
    note: string | null;
    version: Generated<number>;
    updated_at: Generated<Date>;
  };
  forum_edition_figures: { year: number; measure: string; figure_id: string };
  forum_organisations: {
    id: Generated<number>;
    year: number;
    role: string;
    level: string | null;
    name_ko: string;
    name_en: string;
    source_section: string | null;
  };
  forum_sessions: {
    id: string;
    year: number;
    title_ko: string;
    title_en: string;
    starts_at: Date | string;
    ends_at: Date | string;
    languages: string[];
    speakers: Generated<unknown>;
    version: Generated<number>;
    updated_at: Generated<Date>;
  };
  forum_registrations: {
    id: string;
    year: number;
    identity: string;
    email_key: string;
    registered_at: Generated<Date>;
  };
  forum_un_documents: {
    id: string;
    symbol: string | null;
    kind: string;
    title_ko: string;
    title_en: string;
    year: number | null;
    body_ko: string | null;
    body_en: string | null;
    source_section: string | null;
    quote: string | null;
    note: string | null;
  };
  forum_un_links: {
    id: string;
    document_id: string;
    module: string;
    record_type: string;
    record_id: string | null;
    path: string | null;
    title_ko: string;
    title_en: string;
    seeded: Generated<boolean>;
    created_by: string | null;
    created_at: Generated<Date>;
  };
  forum_projects: {
    id: string;
    name_ko: string;
    name_en: string;
    status: string;
    description_ko: string;
    description_en: string;
    source_section: string | null;
    quote: string | null;
    note: string | null;
  };
  seed_figures: {
    id: string;
    section: string;
    year: number | null;
    value: number;
    quote: string;
    note: string | null;
  };
};

export function forumDb(db: Db | Transaction<object>): Kysely<ForumTables> {
  return db.withTables<ForumTables>();
}

export function forumTrx(trx: Transaction<object>): Transaction<ForumTables> {
  return trx.withTables<ForumTables>();
}
