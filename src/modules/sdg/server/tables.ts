/** The SDG module's tables as Kysely sees them, with the kernel tables it reads (tags, terms, figures). */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';
import type { VocabTables } from '../../../kernel/server/vocabularies/tables.ts';
import type { NetworkFeed, Rating } from '../contract.ts';

export type UnSdgCell = { goal: number; label: string };

// Type aliases, not interfaces: Kysely's `withTables` needs the implicit index signature.
export type SdgTables = VocabTables & {
  sdg_phases: {
    phase: number;
    name_ko: string;
    name_en: string;
    start_year: number;
    end_year: number;
    source_table: string;
    stated_agendas: number | null;
    stated_areas: number | null;
  };
  sdg_phase_systems: { phase: number; position: number; name_ko: string; name_en: string };
  sdg_areas: {
    phase: number;
    code: string;
    position: number;
    name_ko: string;
    name_en: string;
    stated_agendas: number | null;
  };
  sdg_agendas: {
    phase: number;
    number: number;
    area_code: string;
    name_ko: string;
    name_en: string;
    tasks: number;
    indicators: number;
    un_sdgs: UnSdgCell[];
  };
  sdg_a2030_categories: { code: string; position: number; name_ko: string; name_en: string };
  sdg_a2030_components: {
    code: string;
    position: number;
    name_ko: string;
    name_en: string;
    description_ko: string;
    description_en: string;
  };
  sdg_assessments: {
    year: number;
    published_at: Date | null;
    version: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  sdg_assessment_cells: {
    year: number;
    category: string;
    component: string;
    rating: Rating | null;
    narrative_ko: Generated<string>;
    narrative_en: Generated<string>;
    version: Generated<number>;
    updated_at: Generated<Date>;
  };
  sdg_assessment_evidence: {
    year: number;
    category: string;
    component: string;
    position: number;
    module: string;
    record_type: string;
    record_id: string;
    title_ko: string;
    title_en: string;
    path: string;
  };
  sdg_network_peers: {
    id: Generated<number>;
    base_url: string;
    added_at: Generated<Date>;
    added_by: string | null;
    last_failure: { at: string; code: string; detail: string } | null;
  };
  sdg_network_feeds: { peer_id: number; feed: NetworkFeed; fetched_at: Generated<Date> };
  seed_figures: { id: string; value: number };
};

export function sdgDb(db: Db | Transaction<object>): Kysely<SdgTables> {
  return db.withTables<SdgTables>();
}

export function sdgTrx(trx: Transaction<object>): Transaction<SdgTables> {
  return trx.withTables<SdgTables>();
}

/** The module's name, as its tags and evidence name it. */
export const moduleName = 'sdg';
