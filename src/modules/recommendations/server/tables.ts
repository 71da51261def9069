/** The recommendations module's tables as Kysely sees them. */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';
import type {
  Answer,
  CloseReason,
  RecommendationAction,
  RecommendationStatus,
  SourceKind,
} from '../contract.ts';

// Type aliases, not interfaces: Kysely's `withTables` needs the implicit index signature.
export type RecordRow = {
  id: string;
  source_kind: SourceKind;
  source_reference: string;
  source_citation: string | null;
  /** (Generated: null unless set, so the register's own inserts may leave them out.) The back-link of a recommendation a module issued: the module, its record's id, its page. */
  source_module: Generated<string | null>;
  source_id: Generated<string | null>;
  source_path: Generated<string | null>;
  /** The ombudsman's anonymised summary, what the public read once published. */
  public_summary_ko: Generated<string | null>;
  public_summary_en: Generated<string | null>;
  summary_published_at: Generated<Date | null>;
  source_section: string | null;
  seed_code: string | null;
  seed_order: number | null;
  text_ko: string;
  text_en: string;
  issued_on: string | null;
  answer_due: string | null;
  implementation_due: string | null;
  historical: Generated<boolean>;
  is_public: Generated<boolean>;
  status: Generated<RecommendationStatus>;
  closed_reason: CloseReason | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type DepartmentRow = {
  recommendation_id: string;
  department_code: string;
  answer: Answer | null;
  reasons: string | null;
  answered_at: Date | null;
  answered_by: string | null;
};

export type EventRow = {
  id: Generated<string>;
  recommendation_id: string;
  action: RecommendationAction | 'issue';
  from_status: RecommendationStatus | null;
  to_status: RecommendationStatus;
  department_code: string | null;
  answer: Answer | null;
  reason: CloseReason | null;
  note: string | null;
  at: Generated<Date>;
};

export type LinkRow = {
  recommendation_id: string;
  target_type: 'task' | 'indicator';
  target_id: string;
  created_at: Generated<Date>;
};

export type RecommendationsTables = {
  recommendations_records: RecordRow;
  recommendations_departments: DepartmentRow;
  recommendations_events: EventRow;
  recommendations_links: LinkRow;
};

export function recommendationsDb(db: Db | Transaction<object>): Kysely<RecommendationsTables> {
  return db.withTables<RecommendationsTables>();
}

export function recommendationsTrx(trx: Transaction<object>): Transaction<RecommendationsTables> {
  return trx.withTables<RecommendationsTables>();
}
