/**
 * Reading a case file. The read and its access-log entry (who, when, from where, why) are one
 * transaction, so a case file that is shown is a read that is logged. Identity is decrypted only for
 * the standing ombudsman and the case's assigned ombudsmen.
 */

import type { Transaction } from 'kysely';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { recordConfidentialRead } from '../../../../kernel/server/audit/access-log.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Keyring } from '../../../../kernel/server/crypto.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { forbidden } from '../../../../kernel/server/errors.ts';
import type { CaseView } from '../../contract.ts';
import { openIdentity } from '../identity.ts';
import { readsCaseFile, seesIdentity } from '../policy.ts';
import { dateOnly, loadCase } from '../queries.ts';
import { type OmbudsmanTrx, ombudsmanTrx } from '../tables.ts';
import { allowedActions, type Capacity } from '../workflow.ts';

export const caseEntityType = 'ombudsman_case';

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/** Loads the case for `user`, refuses who may not read the file, and logs the read. */
export async function openCaseFile(
  plain: Transaction<object>,
  user: SessionUser,
  ip: string | null,
  caseId: string,
  purpose: string,
) {
  const loaded = await loadCase(ombudsmanTrx(plain), user, caseId);
  if (!readsCaseFile(loaded.capacities)) throw forbidden();
  await recordConfidentialRead(plain, {
    actorId: user.id,
    ip,
    entityType: caseEntityType,
    entityId: caseId,
    reason: purpose,
  });
  return loaded;
}

export async function presentCase(
  trx: OmbudsmanTrx,
  keys: Keyring,
  row: Awaited<ReturnType<typeof openCaseFile>>['row'],
  capacities: ReadonlySet<Capacity>,
  assignedTo: readonly string[],
): Promise<CaseView> {
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
      .select(['id', 'content_type', 'size_bytes'])
      .where('case_id', '=', row.id)
      .orderBy('created_at')
      .execute(),
  ]);
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
    description: row.description,
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
    recommendations: recommendations.map(presentRecommendation),
    attachments: attachments.map((file) => ({
      id: file.id,
      contentType: file.content_type,
      sizeBytes: file.size_bytes,
    })),
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

export function presentRecommendation(recommendation: {
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
}) {
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
  };
}

export async function readCase(
  db: Db,
  keys: Keyring,
  user: SessionUser,
  ip: string | null,
  caseId: string,
  purpose: string,
): Promise<CaseView> {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: plain }) => {
    const trx = ombudsmanTrx(plain);
    const { row, capacities, facts } = await openCaseFile(plain, user, ip, caseId, purpose);
    return presentCase(trx, keys, row, capacities, facts.assignedUserIds);
  });
}
