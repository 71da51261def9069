/** The grants module's tables as Kysely sees them. */
import type { Generated, Kysely, Selectable, Transaction } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';
import type { ApplicationStatus, BudgetLine, GrantKind, OrganisationType, ReportKind } from '../contract.ts';

// Type aliases, not interfaces: Kysely's `withTables` needs the implicit index signature.
export type CallRow = {
  id: string;
  kind: GrantKind;
  year: number;
  title_ko: string;
  title_en: string;
  description_ko: string;
  description_en: string;
  currency: string;
  budget: number;
  max_amount: number;
  opens_on: string;
  closes_on: string;
  requires_registration: boolean;
  eligible_types: OrganisationType[];
  published: boolean;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type ApplicationRow = {
  id: string;
  call_id: string;
  organisation_id: string;
  status: ApplicationStatus;
  title: string;
  summary: string;
  public_title: string | null;
  district: string | null;
  amount_requested: number;
  budget_lines: BudgetLine[];
  amount_awarded: number | null;
  submitted_at: Date | null;
  decided_at: Date | null;
  awarded_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type GrantsTables = {
  grants_programmes: {
    kind: GrantKind;
    name_ko: string;
    name_en: string;
    since: number;
    source_section: string;
    funder: string;
    annual_budget_usd: number | null;
    programmes_per_year: number | null;
    budget_unchanged_years: number | null;
    note: string | null;
  };
  grants_neighbourhood_participation: {
    year: number;
    neighbourhoods: number;
    support_usd: number;
    text_neighbourhoods: number | null;
    note: string | null;
  };
  grants_settings: { key: string; value: string; version: Generated<number>; updated_at: Generated<Date> };
  grants_organisations: {
    user_id: string;
    name: string;
    registration_number: string | null;
    type: OrganisationType;
    version: Generated<number>;
    updated_at: Generated<Date>;
  };
  grants_calls: CallRow;
  grants_criteria: {
    id: string;
    call_id: string;
    position: number;
    name_ko: string;
    name_en: string;
    weight: number;
  };
  grants_applications: ApplicationRow;
  grants_attachments: {
    id: string;
    application_id: string;
    content_type: string;
    size_bytes: number;
    data_enc: string;
    created_at: Generated<Date>;
  };
  grants_declarations: {
    application_id: string;
    reviewer_id: string;
    has_conflict: boolean;
    declared_at: Generated<Date>;
  };
  grants_scores: {
    application_id: string;
    reviewer_id: string;
    criterion_id: string;
    score: number;
    scored_at: Generated<Date>;
  };
  grants_tranches: {
    id: string;
    application_id: string;
    amount: number;
    due_on: string;
    paid_on: string | null;
    created_at: Generated<Date>;
  };
  grants_reports: {
    id: string;
    application_id: string;
    kind: ReportKind;
    activity: string | null;
    held_on: string;
    participants: number | null;
    summary: string;
    created_at: Generated<Date>;
  };
  seed_figures: { id: string; value: number };
};

export type CallRecord = Selectable<CallRow>;
export type ApplicationRecord = Selectable<ApplicationRow>;

export type GrantsDb = Kysely<GrantsTables>;
export type GrantsTrx = Transaction<GrantsTables>;

export function grantsDb(db: Db | Transaction<object>): GrantsDb {
  return db.withTables<GrantsTables>();
}

export function grantsTrx(trx: Transaction<object>): GrantsTrx {
  return trx.withTables<GrantsTables>();
}
