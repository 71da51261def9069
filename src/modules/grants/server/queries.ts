/** Reads the grants commands and routes share: calls with their rubric, applications as presented. */

import { sql } from 'kysely';
import type { SessionUser } from '../../../kernel/server/access.ts';
import { clock } from '../../../kernel/server/city/clock.ts';
import { notFound } from '../../../kernel/server/errors.ts';
import type { Application, Call } from '../contract.ts';
import { isOffice, requireReadable } from './policy.ts';
import type { ApplicationRecord, CallRecord, GrantsDb, GrantsTrx } from './tables.ts';

type Reader = GrantsDb | GrantsTrx;

/** Statuses whose amount counts against a call's budget. */
export const awardedStatuses = ['awarded', 'completed'] as const;

export async function awardedTotals(
  reader: Reader,
  callIds: readonly string[],
): Promise<Map<string, number>> {
  if (callIds.length === 0) return new Map();
  const rows = await reader
    .selectFrom('grants_applications')
    .select(['call_id', sql<number>`coalesce(sum(amount_awarded), 0)::bigint`.as('total')])
    .where('call_id', 'in', callIds)
    .where('status', 'in', awardedStatuses)
    .groupBy('call_id')
    .execute();
  return new Map(rows.map((row) => [row.call_id, Number(row.total)]));
}

async function criteriaOf(reader: Reader, callIds: readonly string[]) {
  if (callIds.length === 0) return new Map<string, Call['criteria']>();
  const rows = await reader
    .selectFrom('grants_criteria')
    .selectAll()
    .where('call_id', 'in', callIds)
    .orderBy('call_id')
    .orderBy('position')
    .execute();
  const byCall = new Map<string, Call['criteria']>();
  for (const row of rows) {
    const list = byCall.get(row.call_id) ?? [];
    list.push({ id: row.id, name: { ko: row.name_ko, en: row.name_en }, weight: row.weight });
    byCall.set(row.call_id, list);
  }
  return byCall;
}

export async function presentCalls(reader: Reader, rows: readonly CallRecord[]): Promise<Call[]> {
  const ids = rows.map((row) => row.id);
  const [criteria, totals] = await Promise.all([criteriaOf(reader, ids), awardedTotals(reader, ids)]);
  const today = clock().today();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    year: row.year,
    title: { ko: row.title_ko, en: row.title_en },
    description: { ko: row.description_ko, en: row.description_en },
    currency: row.currency,
    budget: Number(row.budget),
    maxAmount: Number(row.max_amount),
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    requiresRegistration: row.requires_registration,
    eligibleTypes: row.eligible_types,
    published: row.published,
    isOpen: row.published && row.opens_on <= today && today <= row.closes_on,
    criteria: criteria.get(row.id) ?? [],
    awardedTotal: totals.get(row.id) ?? 0,
    version: row.version,
  }));
}

export async function listCalls(reader: Reader, options: { publishedOnly: boolean }): Promise<Call[]> {
  let query = reader
    .selectFrom('grants_calls')
    .selectAll()
    .orderBy('year', 'desc')
    .orderBy('opens_on', 'desc');
  if (options.publishedOnly) query = query.where('published', '=', true);
  return presentCalls(reader, await query.execute());
}

export async function loadCallRow(reader: Reader, id: string, options: { forUpdate?: boolean } = {}) {
  let query = reader.selectFrom('grants_calls').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** A call as its reader may see it: an unpublished call only by the office. */
export async function readCall(reader: Reader, user: SessionUser | null, id: string): Promise<Call> {
  const row = await loadCallRow(reader, id);
  if (!row.published && !(user && isOffice(user))) throw notFound();
  const [call] = await presentCalls(reader, [row]);
  if (!call) throw notFound();
  return call;
}

export async function loadApplicationRow(
  reader: Reader,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ApplicationRecord> {
  let query = reader.selectFrom('grants_applications').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** Weighted score out of 100 of one reviewer's complete set of scores. */
export function weightedScore(
  criteria: readonly { id: string; weight: number }[],
  scores: ReadonlyMap<string, number>,
): number | null {
  const totalWeight = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  if (totalWeight === 0 || criteria.some((criterion) => !scores.has(criterion.id))) return null;
  const points = criteria.reduce(
    (sum, criterion) => sum + criterion.weight * (scores.get(criterion.id) ?? 0),
    0,
  );
  return Math.round((points / (totalWeight * 5)) * 1000) / 10;
}

async function reviewOf(
  reader: Reader,
  user: SessionUser,
  applicationId: string,
  criteria: Call['criteria'],
) {
  const [declaration, scores] = await Promise.all([
    reader
      .selectFrom('grants_declarations')
      .select('has_conflict')
      .where('application_id', '=', applicationId)
      .where('reviewer_id', '=', user.id)
      .executeTakeFirst(),
    reader
      .selectFrom('grants_scores')
      .select(['reviewer_id', 'criterion_id', 'score'])
      .where('application_id', '=', applicationId)
      .execute(),
  ]);
  const byReviewer = new Map<string, Map<string, number>>();
  for (const row of scores) {
    const own = byReviewer.get(row.reviewer_id) ?? new Map<string, number>();
    own.set(row.criterion_id, row.score);
    byReviewer.set(row.reviewer_id, own);
  }
  const complete = [...byReviewer.values()]
    .map((own) => weightedScore(criteria, own))
    .filter((score): score is number => score !== null);
  const average =
    complete.length === 0
      ? null
      : Math.round((complete.reduce((sum, score) => sum + score, 0) / complete.length) * 10) / 10;
  return {
    declaration: declaration ? { hasConflict: declaration.has_conflict } : null,
    myScores: scores
      .filter((row) => row.reviewer_id === user.id)
      .map((row) => ({ criterionId: row.criterion_id, score: row.score })),
    averageScore: average,
    reviewers: complete.length,
  };
}

export async function readApplication(reader: Reader, user: SessionUser, id: string): Promise<Application> {
  const row = await loadApplicationRow(reader, id);
  requireReadable(user, row);
  const callRow = await loadCallRow(reader, row.call_id);
  const [call] = await presentCalls(reader, [callRow]);
  if (!call) throw notFound();
  const [organisation, attachments, tranches, reports] = await Promise.all([
    reader
      .selectFrom('grants_organisations')
      .select(['name', 'type'])
      .where('user_id', '=', row.organisation_id)
      .executeTakeFirstOrThrow(),
    reader
      .selectFrom('grants_attachments')
      .select(['id', 'content_type', 'size_bytes'])
      .where('application_id', '=', id)
      .orderBy('created_at')
      .execute(),
    reader
      .selectFrom('grants_tranches')
      .selectAll()
      .where('application_id', '=', id)
      .orderBy('due_on')
      .orderBy('created_at')
      .execute(),
    reader
      .selectFrom('grants_reports')
      .selectAll()
      .where('application_id', '=', id)
      .orderBy('held_on')
      .orderBy('created_at')
      .execute(),
  ]);
  return {
    id: row.id,
    call: {
      id: call.id,
      kind: call.kind,
      title: call.title,
      currency: call.currency,
      maxAmount: call.maxAmount,
      criteria: call.criteria,
    },
    organisation,
    status: row.status,
    title: row.title,
    summary: row.summary,
    publicTitle: row.public_title,
    district: row.district,
    amountRequested: Number(row.amount_requested),
    budgetLines: row.budget_lines,
    amountAwarded: row.amount_awarded === null ? null : Number(row.amount_awarded),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    awardedAt: row.awarded_at?.toISOString() ?? null,
    version: row.version,
    attachments: attachments.map((file) => ({
      id: file.id,
      contentType: file.content_type,
      sizeBytes: file.size_bytes,
    })),
    tranches: tranches.map((tranche) => ({
      id: tranche.id,
      amount: Number(tranche.amount),
      dueOn: tranche.due_on,
      paidOn: tranche.paid_on,
    })),
    reports: reports.map((report) => ({
      id: report.id,
      kind: report.kind,
      activity: report.activity as Application['reports'][number]['activity'],
      heldOn: report.held_on,
      participants: report.participants,
      summary: report.summary,
      createdAt: report.created_at.toISOString(),
    })),
    review: isOffice(user) ? await reviewOf(reader, user, id, call.criteria) : null,
  };
}

/** The organisation's own applications, or for the office every submitted one (of a call). */
export async function listApplications(reader: Reader, user: SessionUser, callId: string | undefined) {
  let query = reader
    .selectFrom('grants_applications as a')
    .innerJoin('grants_calls as c', 'c.id', 'a.call_id')
    .innerJoin('grants_organisations as o', 'o.user_id', 'a.organisation_id')
    .select([
      'a.id',
      'a.call_id',
      'c.title_ko',
      'c.title_en',
      'c.kind',
      'c.currency',
      'o.name as organisation',
      'a.status',
      'a.title',
      'a.amount_requested',
      'a.amount_awarded',
      'a.updated_at',
    ])
    .orderBy('a.updated_at', 'desc');
  query = isOffice(user)
    ? query.where('a.status', '<>', 'draft')
    : query.where('a.organisation_id', '=', user.id);
  if (callId) query = query.where('a.call_id', '=', callId);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    callId: row.call_id,
    callTitle: { ko: row.title_ko, en: row.title_en },
    kind: row.kind,
    organisation: row.organisation,
    status: row.status,
    title: row.title,
    currency: row.currency,
    amountRequested: Number(row.amount_requested),
    amountAwarded: row.amount_awarded === null ? null : Number(row.amount_awarded),
    updatedAt: row.updated_at.toISOString(),
  }));
}
