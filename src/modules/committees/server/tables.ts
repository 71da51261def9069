/** The committees module's tables as Kysely sees them. */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';
import type { Bilingual } from '../../../kernel/shared/language.ts';
import type {
  bodyKinds,
  genders,
  meetingKinds,
  minutesStatuses,
  positions,
  registrationStatuses,
  responses,
  sectors,
} from '../contract.ts';

// Type aliases, not interfaces: Kysely's `withTables` needs the implicit index signature.
export type BodyRow = {
  id: string;
  kind: (typeof bodyKinds)[number];
  parent_id: string | null;
  name_ko: string;
  name_en: string;
  description_ko: Generated<string>;
  description_en: Generated<string>;
  since_year: number | null;
  seats: number | null;
  term_years: number | null;
  meetings_per_year: number | null;
  quorum: number | null;
  organisers: Bilingual[];
  is_public: boolean;
  historical_meetings: number | null;
  historical_years: number | null;
  historical_source: string | null;
  is_sample: Generated<boolean>;
  version: Generated<number>;
  updated_at: Generated<Date>;
};

export type MemberRow = {
  id: string;
  body_id: string;
  name: string;
  position: (typeof positions)[number];
  recommended_by: string;
  term_start: string;
  term_end: string;
  gender: (typeof genders)[number];
  sector: (typeof sectors)[number];
  is_sample: Generated<boolean>;
  version: Generated<number>;
  updated_at: Generated<Date>;
};

export type MeetingRow = {
  id: string;
  body_id: string;
  kind: (typeof meetingKinds)[number];
  title: string;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  online_url: string | null;
  organiser: string | null;
  is_public: boolean;
  agenda_published: boolean;
  capacity: number | null;
  cancelled: boolean;
  minutes: Generated<string>;
  minutes_status: Generated<(typeof minutesStatuses)[number]>;
  is_sample: Generated<boolean>;
  version: Generated<number>;
  updated_at: Generated<Date>;
};

export type CommitteesTables = {
  committees_bodies: BodyRow;
  committees_members: MemberRow;
  committees_meetings: MeetingRow;
  committees_agenda_items: {
    id: string;
    meeting_id: string;
    position: number;
    title: string;
    summary: string;
    documents: { title: string; url: string }[];
  };
  committees_agenda_files: { file_id: string; agenda_item_id: string; created_at: Generated<Date> };
  committees_attendance: { meeting_id: string; member_id: string; present: boolean };
  committees_comments: {
    id: string;
    meeting_id: string;
    author_id: string;
    body: string;
    created_at: Generated<Date>;
  };
  committees_decisions: { id: string; meeting_id: string; text: string; created_at: Generated<Date> };
  committees_recommendations: {
    id: string;
    decision_id: string;
    department_code: string;
    body: string;
    response: (typeof responses)[number] | null;
    response_reason: string | null;
    implementation: string | null;
    closed_at: Date | null;
    answered_at: Date | null;
    created_at: Generated<Date>;
    version: Generated<number>;
  };
  committees_registrations: {
    id: string;
    meeting_id: string;
    name_enc: string | null;
    contact_enc: string | null;
    status: (typeof registrationStatuses)[number];
    token_hash: string;
    seq: Generated<number>;
    created_at: Generated<Date>;
    cancelled_at: Date | null;
    erased_at: Date | null;
  };
  accounts_users: { id: string; display_name: string };
};

export type CommitteesDb = Kysely<CommitteesTables>;

export function committeesDb(db: Db): CommitteesDb {
  return db.withTables<CommitteesTables>();
}

export function committeesTrx(trx: Transaction<object>): Transaction<CommitteesTables> {
  return trx.withTables<CommitteesTables>();
}
