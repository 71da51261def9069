/** The plan module's tables as Kysely sees them. */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';

export type Milestone = { date: string; ko: string; en: string };
export type ReportState = 'submitted' | 'accepted' | 'returned';

// Type aliases, not interfaces: Kysely's `withTables` needs the implicit index signature.
export type TaskRow = {
  id: Generated<number>;
  year: number;
  code: string;
  parent_id: number | null;
  area_code: string | null;
  title_ko: string;
  title_en: string;
  description_ko: string | null;
  description_en: string | null;
  lead_department: string;
  cooperating_departments: string[];
  budget_planned: number | null;
  target_ko: string | null;
  target_en: string | null;
  weight: number;
  milestones: Milestone[];
  indicator_codes: string[];
  is_public: boolean;
  is_sample: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type PlanTables = {
  plan_basic_plans: {
    code: string;
    edition: number;
    name_ko: string;
    name_en: string;
    start_year: number;
    end_year: number;
    established: string;
    basis_ko: string;
    basis_en: string;
    source_section: string;
    note: string | null;
  };
  plan_areas: {
    code: string;
    basic_plan: string;
    number: number;
    name_ko: string;
    name_en: string;
    source_section: string;
    note: string | null;
  };
  plan_figures: { basic_plan: string; key: string; figure_id: string };
  plan_statuses: {
    code: string;
    name_ko: string;
    name_en: string;
    progress: number;
    sort_order: number;
    version: Generated<number>;
    updated_at: Generated<Date>;
  };
  plan_years: {
    year: number;
    periods_per_year: number;
    review_ko: string | null;
    review_en: string | null;
    version: Generated<number>;
    updated_at: Generated<Date>;
  };
  plan_tasks: TaskRow;
  plan_reports: {
    id: Generated<number>;
    task_id: number;
    period: string;
    revision: number;
    state: ReportState;
    status_code: string;
    progress: number;
    narrative: string;
    budget_executed: number | null;
    next_steps: string | null;
    evidence_links: string[];
    submitted_by: string | null;
    submitted_at: Generated<Date>;
    reviewed_by: string | null;
    reviewed_at: Date | null;
    review_comment: string | null;
  };
  plan_report_files: {
    report_id: number;
    file_id: string;
    position: number;
    added_by: string | null;
    added_at: Generated<Date>;
  };
  plan_comments: {
    id: Generated<number>;
    task_id: number | null;
    year: number | null;
    answer_to: number | null;
    author_id: string | null;
    author_role: string;
    body: string;
    created_at: Generated<Date>;
  };
  seed_figures: { id: string; section: string; year: number | null; value: number; quote: string };
  vocab_terms: { vocabulary: string; code: string; name_ko: string | null; name_en: string };
};

export type PlanDb = Kysely<PlanTables>;

export function planDb(db: Db | Transaction<object>): Kysely<PlanTables> {
  return db.withTables<PlanTables>();
}

export function planTrx(trx: Transaction<object>): Transaction<PlanTables> {
  return trx.withTables<PlanTables>();
}
