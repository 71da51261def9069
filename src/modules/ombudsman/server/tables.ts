/** The ombudsman's tables as Kysely sees them. */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';
import type { CaseStatus } from '../contract.ts';

// Type aliases, not interfaces: Kysely's `withTables` needs the implicit index signature.
export type CaseRow = {
  id: string;
  receipt_number: string | null;
  tracking_hash: string | null;
  origin: 'complaint' | 'own_motion';
  channel: string;
  status: CaseStatus;
  anonymous: boolean;
  on_behalf: boolean;
  identity_enc: string | null;
  respondent: string;
  respondent_type: string;
  summary: string;
  description: string;
  occurred_on: string | null;
  occurred_place: string | null;
  rights: string[];
  consent_at: Date | null;
  assessment_reason: string | null;
  referred_to: string | null;
  decision: string | null;
  decision_facts: Generated<string | null>;
  decision_grounds: Generated<string | null>;
  decided_by: Generated<string | null>;
  signatory_name: Generated<string | null>;
  signatory_standing: Generated<boolean | null>;
  closed_reason: string | null;
  received_at: Generated<Date>;
  assessed_at: Date | null;
  decided_at: Date | null;
  closed_at: Date | null;
  pseudonymised_at: Date | null;
  updated_at: Generated<Date>;
  search_text: string;
  search_grams: string[];
  version: Generated<number>;
};

export type OmbudsmanTables = {
  ombudsman_members: {
    user_id: string;
    standing: boolean;
    appointed_on: string;
    term_ends_on: string | null;
    expertise: string;
    version: Generated<number>;
    updated_at: Generated<Date>;
    proposed_by: string | null;
    proposed_at: Date | null;
    confirmed_by: string | null;
    confirmed_at: Date | null;
    ended_by: string | null;
    ended_at: Date | null;
    end_reason: string | null;
    withdrawn_by: string | null;
    withdrawn_at: Date | null;
    withdrawal_reason: string | null;
  };
  ombudsman_grants: {
    id: Generated<number>;
    user_id: string;
    action: 'proposed' | 'confirmed' | 'ended' | 'withdrawn';
    actor_id: string | null;
    at: Generated<Date>;
    standing: boolean;
    appointed_on: string;
    term_ends_on: string | null;
    reason: string | null;
  };
  ombudsman_receipt_counters: { year: number; last: number };
  ombudsman_cases: CaseRow;
  ombudsman_assignments: { case_id: string; user_id: string; assigned_at: Generated<Date> };
  ombudsman_events: {
    id: Generated<number>;
    case_id: string;
    at: Generated<Date>;
    actor_id: string | null;
    action: string;
    from_status: string | null;
    to_status: string;
    note: string | null;
    body: Generated<string | null>;
  };
  ombudsman_notes: {
    id: Generated<number>;
    case_id: string;
    author_id: string;
    body: string;
    created_at: Generated<Date>;
  };
  ombudsman_info_requests: {
    id: string;
    case_id: string;
    department_code: string;
    question: string;
    due_on: string;
    requested_at: Generated<Date>;
    answer: string | null;
    answered_at: Date | null;
  };
  ombudsman_recommendations: {
    id: string;
    case_id: string;
    department_code: string;
    body: string;
    created_at: Generated<Date>;
    issued_at: Date | null;
    due_on: string | null;
    response: 'accepted' | 'partly_accepted' | 'rejected' | null;
    response_reason: string | null;
    implementation_evidence: string | null;
    implemented: Generated<boolean>;
    responded_at: Date | null;
    closed_at: Date | null;
    closed_by: string | null;
    closed_outcome: 'implemented' | 'not_implemented' | null;
  };
  ombudsman_implementation_reports: {
    id: string;
    recommendation_id: string;
    case_id: string;
    author_id: string;
    body: string;
    created_at: Generated<Date>;
  };
  ombudsman_implementation_files: { report_id: string; file_id: string };
  ombudsman_case_openings: {
    id: string;
    case_id: string;
    user_id: string;
    purpose: string;
    opened_at: Generated<Date>;
  };
  ombudsman_attachments: {
    id: string;
    case_id: string;
    content_type: string;
    size_bytes: number;
    data_enc: string;
    name_enc: string | null;
    created_at: Generated<Date>;
  };
  ombudsman_counselling: {
    id: string;
    held_on: string;
    channel: string;
    topic: string;
    rights: string[];
    outcome: string;
    created_by: string;
    created_at: Generated<Date>;
  };
  ombudsman_settings: { key: string; days: number; version: Generated<number>; updated_at: Generated<Date> };
  ombudsman_status_failures: { key: string; failed_at: Generated<Date> };
  ombudsman_annual: {
    year: number;
    counselling_sessions: number | null;
    cases_registered: number | null;
    source_section: string;
    note: string | null;
  };
  accounts_users: { id: string; display_name: string; role: string; department_code: string | null };
};

export type OmbudsmanDb = Kysely<OmbudsmanTables>;
export type OmbudsmanTrx = Transaction<OmbudsmanTables>;

export function ombudsmanDb(db: Db): OmbudsmanDb {
  return db.withTables<OmbudsmanTables>();
}

export function ombudsmanTrx(trx: Transaction<object>): OmbudsmanTrx {
  return trx.withTables<OmbudsmanTables>();
}
