/** The education module's tables as Kysely sees them. */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';

// Type aliases, not interfaces: Kysely's `withTables` needs the implicit index signature.
export type ProgrammeRow = {
  id: string;
  group_code: string;
  title_ko: string;
  title_en: string;
  summary_ko: string | null;
  summary_en: string | null;
  is_public: boolean;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type EducationTables = {
  education_groups: {
    code: string;
    sort_order: number;
    name_ko: string;
    name_en: string;
    class_types_ko: string;
    class_types_en: string;
    source_section: string;
  };
  education_reported_participants: {
    year: number;
    group_code: string;
    participants: number;
    figure_id: string;
    source_section: string;
    note: string | null;
  };
  education_reported_years: {
    year: number;
    participants: number;
    participants_figure: string;
    stated_rate: number | null;
    stated_rate_figure: string | null;
    note: string | null;
  };
  education_population: {
    year: number;
    population: number;
    figure_id: string | null;
    version: Generated<number>;
    updated_at: Generated<Date>;
  };
  education_programmes: ProgrammeRow;
  education_sessions: {
    id: string;
    programme_id: string;
    held_on: string;
    place: string;
    instructor: string;
    participants: number;
    recorded_by: string | null;
    created_at: Generated<Date>;
  };
  seed_figures: { id: string; value: number };
};

export function educationDb(db: Db | Transaction<object>): Kysely<EducationTables> {
  return db.withTables<EducationTables>();
}

export function educationTrx(trx: Transaction<object>): Transaction<EducationTables> {
  return trx.withTables<EducationTables>();
}
