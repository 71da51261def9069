/** The assessments module's tables as Kysely sees them. */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';
import type { ResponseKind, Step, SubjectDetails, SubjectKind, TemplateSection } from '../contract.ts';

// Type aliases, not interfaces: Kysely's `withTables` needs the implicit index signature.
export type TemplateRow = {
  id: Generated<number>;
  key: string;
  version: number;
  subject_kind: SubjectKind;
  title_ko: string;
  title_en: string;
  sections: TemplateSection[];
  created_by: string | null;
  created_at: Generated<Date>;
};

export type AssessmentsTables = {
  assessments_templates: TemplateRow;
  assessments_subjects: {
    id: Generated<number>;
    kind: SubjectKind;
    title: string;
    department_code: string;
    details: SubjectDetails;
    is_sample: Generated<boolean>;
    version: Generated<number>;
    created_at: Generated<Date>;
  };
  assessments_assessments: {
    id: Generated<number>;
    subject_id: number;
    template_id: number;
    year: number;
    step: Step;
    scope: Generated<string>;
    summary: Generated<string>;
    requested_by: string | null;
    version: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    closed_at: Date | null;
  };
  assessments_ratings: {
    assessment_id: number;
    item_key: string;
    rating: number | null;
    not_applicable: boolean;
    evidence: string;
    finding: string;
    rated_by: string | null;
    rated_at: Generated<Date>;
  };
  assessments_recommendations: {
    id: Generated<number>;
    assessment_id: number;
    text: string;
    response: ResponseKind | null;
    reason: string | null;
    responded_by: string | null;
    responded_at: Date | null;
    version: Generated<number>;
    created_at: Generated<Date>;
  };
  assessments_revisions: {
    id: Generated<number>;
    assessment_id: number;
    recommendation_id: number | null;
    description: string;
    revised_on: string;
    evidence: string;
    recorded_by: string | null;
    created_at: Generated<Date>;
  };
  assessments_rating_files: {
    file_id: string;
    assessment_id: number;
    item_key: string;
    added_by: string | null;
    added_at: Generated<Date>;
  };
  assessments_revision_files: {
    file_id: string;
    revision_id: number;
    added_by: string | null;
    added_at: Generated<Date>;
  };
  assessments_trainings: {
    id: Generated<number>;
    body: 'council' | 'task_force';
    title: string;
    held_on: string;
    participants: number;
    version: Generated<number>;
    created_at: Generated<Date>;
  };
  seed_figures: { id: string; value: number; label_ko: string; label_en: string };
  accounts_users: { id: string; display_name: string };
};

export type AssessmentsDb = Kysely<AssessmentsTables>;

export function assessmentsDb(db: Db | Transaction<object>): Kysely<AssessmentsTables> {
  return db.withTables<AssessmentsTables>();
}

/**
 * A value as text for a jsonb column, typed as the column's value. (Lone surrogates, which jsonb
 * refuses, never get here: the kernel's input guard replaces them for every route.)
 */
export function jsonColumn<T>(value: T): T {
  return JSON.stringify(value) as never;
}
