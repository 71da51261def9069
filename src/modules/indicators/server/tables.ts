/** The indicators module's tables as Kysely sees them. */
import { type Generated, type Kysely, sql, type Transaction } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';
import type { CycleStep, QuestionnaireAccess } from '../contract.ts';

type BilingualJson = { ko: string; en: string } | null;

// Type aliases, not interfaces: Kysely's `withTables` needs the implicit index signature.
export type IndicatorRow = {
  id: Generated<number>;
  code: string;
  area_code: string;
  name_ko: string;
  name_en: string;
  source_section: string | null;
  ohchr_type: 'structural' | 'process' | 'outcome' | null;
  kind: 'quantitative' | 'qualitative' | null;
  status: 'achieved' | 'being_pursued' | null;
  task: BilingualJson;
  unit: BilingualJson;
  numerator: BilingualJson;
  denominator: BilingualJson;
  direction: 'increase' | 'decrease' | null;
  data_source: BilingualJson;
  periodicity: 'annual' | 'biennial' | 'irregular' | null;
  responsible_department: string | null;
  baseline_year: number | null;
  baseline_value: number | null;
  target_year: number | null;
  target_value: number | null;
  min_value: number | null;
  max_value: number | null;
  change_threshold_percent: number | null;
  disaggregations: Generated<string[]>;
  version: Generated<number>;
  updated_at: Generated<Date>;
};

export type IndicatorsTables = {
  indicators_areas: {
    code: string;
    number: number;
    name_ko: string;
    name_en: string;
    stated_count: number;
    source_section: string;
  };
  indicators_set_figures: { key: string; figure_id: string };
  indicators_indicators: IndicatorRow;
  indicators_breakdowns: {
    id: Generated<number>;
    indicator_id: number;
    series: string | null;
    unit: string | null;
    geo_code: string | null;
    dimensions: Record<string, string>;
    key: string;
  };
  indicators_observations: {
    indicator_id: number;
    breakdown_id: number;
    year: number;
    value: string;
    version: Generated<number>;
    recorded_by: string | null;
    recorded_at: Generated<Date>;
    superseded_at: Date | null;
    comment: string | null;
  };
  indicators_targets: {
    year: number;
    indicator_id: number;
    target_value: number | null;
    target_year: number | null;
    plan: string;
    version: Generated<number>;
    updated_by: string | null;
    updated_at: Generated<Date>;
  };
  indicators_assessments: {
    year: number;
    area_code: string;
    score: number;
    narrative: string;
    version: Generated<number>;
    updated_by: string | null;
    updated_at: Generated<Date>;
  };
  indicators_report_comments: {
    id: Generated<number>;
    year: number;
    body: string;
    author_id: string;
    created_at: Generated<Date>;
  };
  indicators_actions: {
    id: Generated<number>;
    year: number;
    indicator_id: number;
    description: string;
    owner_department: string;
    /** `YYYY-MM-DD`, read back as text (see queries). */
    due_date: string;
    status: 'planned' | 'in_progress' | 'done' | 'cancelled';
    version: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    cancel_reason: string | null;
    cancelled_at: Date | null;
    cancelled_by: string | null;
    created_by: string | null;
    updated_by: string | null;
  };
  indicators_action_notes: {
    id: Generated<number>;
    action_id: number;
    body: string;
    author_id: string;
    created_at: Generated<Date>;
  };
  indicators_comment_answers: {
    id: Generated<number>;
    comment_id: number;
    body: string;
    author_id: string;
    created_at: Generated<Date>;
  };
  indicators_questionnaires: {
    id: Generated<number>;
    year: number;
    indicator_id: number;
    token: string;
    title_ko: string;
    title_en: string;
    /** Who may answer: anyone with the link (once per browser) or only with a personal link. */
    access: Generated<QuestionnaireAccess>;
    version: Generated<number>;
    updated_at: Generated<Date>;
  };
  /** Personal single-use answer links: only the token's hash, and whether it was used (not when). */
  indicators_invitations: {
    id: Generated<number>;
    questionnaire_id: number;
    token_hash: string;
    state: Generated<'unused' | 'used' | 'revoked'>;
    issued_by: string;
    issued_at: Generated<Date>;
  };
  indicators_questions: {
    id: Generated<number>;
    questionnaire_id: number;
    position: number;
    kind: 'likert' | 'single' | 'multiple' | 'text';
    prompt_ko: string;
    prompt_en: string;
    options: { ko: string; en: string }[];
  };
  indicators_responses: {
    id: Generated<number>;
    questionnaire_id: number;
    source: 'public' | 'staff';
    created_at: Generated<Date>;
  };
  indicators_answers: {
    response_id: number;
    question_id: number;
    value: number | number[] | string;
  };
  indicators_corrections: {
    id: Generated<number>;
    indicator_id: number;
    breakdown_id: number;
    year: number;
    old_value: string | null;
    new_value: string;
    reason: string;
    corrected_by: string;
    corrected_at: Generated<Date>;
  };
  indicators_cycles: {
    year: number;
    step: CycleStep;
    opened_at: Generated<Date>;
    closed_at: Date | null;
    version: Generated<number>;
    updated_at: Generated<Date>;
  };
  indicators_cycle_events: {
    id: Generated<number>;
    year: number;
    action: string;
    from_step: string | null;
    to_step: string;
    actor_id: string | null;
    at: Generated<Date>;
  };
  accounts_users: { id: string; display_name: string };
  seed_figures: {
    id: string;
    section: string;
    year: number | null;
    value: number;
    quote: string;
  };
};

export type IndicatorsDb = Kysely<IndicatorsTables>;
export type IndicatorsTrx = Transaction<IndicatorsTables>;

export function indicatorsDb(db: Db | Transaction<object>): Kysely<IndicatorsTables> {
  return db.withTables<IndicatorsTables>();
}

export function indicatorsTrx(trx: Transaction<object>): IndicatorsTrx {
  return trx.withTables<IndicatorsTables>();
}

/** The display name of the user whose id is in `column` (ids are uuid columns here, text in accounts). */
export const savedByName = (column: string) =>
  sql<string | null>`(select u.display_name from accounts_users u where u.id = ${sql.ref(column)}::text)`;
