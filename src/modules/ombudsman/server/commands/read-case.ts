/**
 * Reading a case file. The read and its access-log entry (who, when, from where, why) are one
 * transaction, so a case file that is shown is a read that is logged. Identity is decrypted only for
 * the standing ombudsman and the case's assigned ombudsmen.
 */

import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { recordConfidentialRead } from '../../../../kernel/server/audit/access-log.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Keyring } from '../../../../kernel/server/crypto.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, forbidden } from '../../../../kernel/server/errors.ts';
import type { CaseView } from '../../contract.ts';
import { openIdentity } from '../identity.ts';
import { readsCaseFile, seesIdentity } from '../policy.ts';
import { dateOnly, loadCase } from '../queries.ts';
import { type OmbudsmanTrx, ombudsmanTrx } from '../tables.ts';
import { allowedActions, type Capacity } from '../workflow.ts';
import { loadReports } from './follow-up.ts';

export const caseEntityType = 'ombudsman_case';

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/** How long the page may reload an opening without asking for the purpose again. */
export const openingHours = 12;

/**
 * How a read names itself: a new opening with its purpose (logged), or an opening this reader made of
 * this case within `openingHours` (not logged again: the page reloads the file after each step).
 */
export type CaseRead = { purpose: string } | { opening: string };

/** Loads the case for `user`, refuses who may not read the file, and logs the read once per opening. */
export async function openCaseFile(
  plain: Transaction<object>,
  user: SessionUser,
  ip: string | null,
  caseId: string,
  read: CaseRead | string,
) {
  const loaded = await loadCase(ombudsmanTrx(plain), user, caseId);
  if (!readsCaseFile(loaded.capacities)) throw forbidden();
  const how: CaseRead = typeof read === 'string' ? { purpose: read } : read;
  const trx = ombudsmanTrx(plain);
  if ('opening' in how) {
    const opening = await trx
      .selectFrom('ombudsman_case_openings')
      .select('id')
      .where('id', '=', how.opening)
      .where('case_id', '=', caseId)
      .where('user_id', '=', user.id)
      .where('opened_at', '>', new Date(Date.now() - openingHours * 60 * 60 * 1000))
      .executeTakeFirst();
    if (!opening) throw new AppError('ombudsman_opening_unknown', 409);
    return { ...loaded, openingId: opening.id };
  }
  const openingId = randomUUID();
  await trx
    .insertInto('ombudsman_case_openings')
    .values({ id: openingId, case_id: caseId, user_id: user.id, purpose: how.purpose })
    .execute();
  await recordConfidentialRead(plain, {
    actorId: user.id,
    ip,
    entityType: caseEntityType,
    entityId: caseId,
    reason: how.purpose,
  });
  return { ...loaded, openingId };
}

export async function presentCase(
  trx: OmbudsmanTrx,
  keys: Keyring,
  row: Awaited<ReturnType<typeof openCaseFile>>['row'],
  capacities: ReadonlySet<Capacity>,
  assignedTo: readonly string[],
  openingId = '',
): Promise<CaseView> {
  const entitled = seesIdentity(capacities);
  const [events, notes, requests, recommendations, attachments] = await Promise.all([
    trx
      .selectFrom('ombudsman_events')
      .leftJoin('accounts_users', 'accounts_users.id', 'ombudsman_events.actor_id')
      .selectAll('ombudsman_events')
      .select('accounts_users.display_name as actor_name')
      .where('case_id', '=', row.id)
      .orderBy('ombudsman_events.id')
      .execute(),
    trx
      .selectFrom('ombudsman_notes')
      .leftJoin('accounts_users', 'accounts_users.id', 'ombudsman_notes.author_id')
      .selectAll('ombudsman_notes')
      .select('accounts_users.display_name as author_name')
      .where('case_id', '=', row.id)
      .orderBy('ombudsman_notes.id')
      .execute(),
    trx
      .selectFrom('ombudsman_info_requests')
      .selectAll()
      .where('case_id', '=', row.id)
      .orderBy('requested_at')
      .execute(),
    trx
      .selectFrom('ombudsman_recommendations')
      .selectAll()
      .where('case_id', '=', row.id)
      .orderBy('created_at')
      .execute(),
    trx
      .selectFrom('ombudsman_attachments')
      .select(['id', 'content_type', 'size_bytes', 'name_enc'])
      .where('case_id', '=', row.id)
      .orderBy('created_at')
      .execute(),
  ]);
  const reports = await loadReports(
    trx,
    recommendations.map((recommendation) => recommendation.id),
  );
  const mentioned = new Set<string>([
    ...assignedTo,
    ...events.flatMap((event) => (event.actor_id ? [event.actor_id] : [])),
    ...notes.map((note) => note.author_id),
  ]);
  const people =
    mentioned.size === 0
      ? []
      : await trx
          .selectFrom('accounts_users')
          .select(['id', 'display_name', 'role'])
          .where('id', 'in', [...mentioned])
          .execute();
  return {
    id: row.id,
    receiptNumber: row.receipt_number,
    origin: row.origin,
    channel: row.channel,
    status: row.status,
    anonymous: row.anonymous,
    onBehalf: row.on_behalf,
    respondent: row.respondent,
    respondentType: row.respondent_type as CaseView['respondentType'],
    summary: row.summary,
    // Need to know: the complainant's own words name people; readers without the identity capacity
    // (the officer) work from the ombudsman's summary.
    ...(entitled ? { description: row.description } : {}),
    needToKnow: !entitled,
    people: Object.fromEntries(
      people.map((person) => [person.id, { name: person.display_name, role: person.role }]),
    ),
    openingId,
    occurredOn: row.occurred_on,
    occurredPlace: row.occurred_place,
    rights: row.rights,
    assessmentReason: row.assessment_reason,
    referredTo: row.referred_to,
    decision: row.decision as CaseView['decision'],
    decisionFacts: row.decision_facts,
    decisionGrounds: row.decision_grounds,
    decidedAt: iso(row.decided_at),
    signatory:
      row.decided_by !== null && row.signatory_name !== null
        ? { userId: row.decided_by, name: row.signatory_name, standing: row.signatory_standing === true }
        : null,
    closedReason: row.closed_reason as CaseView['closedReason'],
    receivedAt: row.received_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closedAt: iso(row.closed_at),
    pseudonymised: row.pseudonymised_at !== null,
    version: row.version,
    assignedTo: [...assignedTo],
    ...(seesIdentity(capacities) ? { identity: openIdentity(keys, row.identity_enc) } : {}),
    events: events.map((event) => ({
      at: event.at.toISOString(),
      actorId: event.actor_id,
      actorName: event.actor_name,
      action: event.action,
      fromStatus: event.from_status,
      toStatus: event.to_status,
      note: event.note,
      body: event.body,
    })),
    notes: notes.map((note) => ({
      authorId: note.author_id,
      authorName: note.author_name,
      body: note.body,
      createdAt: note.created_at.toISOString(),
    })),
    informationRequests: requests.map(presentInfoRequest),
    recommendations: recommendations.map((recommendation) =>
      presentRecommendation(recommendation, reports.get(recommendation.id) ?? []),
    ),
    attachments: entitled
      ? attachments.map((file) => ({
          id: file.id,
          name: file.name_enc === null ? null : keys.decryptField(file.name_enc),
          contentType: file.content_type,
          sizeBytes: file.size_bytes,
        }))
      : [],
    allowedActions: allowedActions(row.status, capacities),
  };
}

export function presentInfoRequest(request: {
  id: string;
  case_id: string;
  department_code: string;
  question: string;
  due_on: string;
  requested_at: Date;
  answer: string | null;
  answered_at: Date | null;
}) {
  return {
    id: request.id,
    caseId: request.case_id,
    departmentCode: request.department_code,
    question: request.question,
    dueOn: dateOnly(request.due_on) ?? '',
    requestedAt: request.requested_at.toISOString(),
    answer: request.answer,
    answeredAt: iso(request.answered_at),
  };
}

export function presentRecommendation(
  recommendation: {
    id: string;
    case_id: string;
    department_code: string;
    body: string;
    issued_at: Date | null;
    due_on: string | null;
    response: 'accepted' | 'partly_accepted' | 'rejected' | null;
    response_reason: string | null;
    implementation_evidence: string | null;
    implemented: boolean;
    responded_at: Date | null;
    closed_at: Date | null;
    closed_outcome: 'implemented' | 'not_implemented' | null;
  },
  reports: CaseView['recommendations'][number]['reports'],
) {
  return {
    id: recommendation.id,
    caseId: recommendation.case_id,
    departmentCode: recommendation.department_code,
    body: recommendation.body,
    issuedAt: iso(recommendation.issued_at),
    dueOn: recommendation.due_on,
    response: recommendation.response,
    responseReason: recommendation.response_reason,
    implementationEvidence: recommendation.implementation_evidence,
    implemented: recommendation.implemented,
    respondedAt: iso(recommendation.responded_at),
    closedAt: iso(recommendation.closed_at),
    closedOutcome: recommendation.closed_outcome,
    reports,
  };
}

export async function readCase(
  db: Db,
  keys: Keyring,
  user: SessionUser,
  ip: string | null,
  caseId: string,
  read: CaseRead,
): Promise<CaseView> {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: plain }) => {
    const trx = ombudsmanTrx(plain);
    const { row, capacities, facts, openingId } = await openCaseFile(plain, user, ip, caseId, read);
    return presentCase(trx, keys, row, capacities, facts.assignedUserIds, openingId);
  });
}
