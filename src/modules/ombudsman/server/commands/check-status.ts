/**
 * The public status lookup: with the receipt number and the tracking code, anyone sees the case's
 * status and dates and nothing else. A wrong pair is one answer (404) whether or not the receipt
 * exists, and costs the same work (an HMAC is computed and compared in constant time either way).
 *
 * Guessing is slowed per client address: failures are counted in the database, so every app server
 * sees the same count; after `maxFailures` within the window the address waits (429). Only failures
 * count, so a complainant checking their own case often is never refused.
 */
import { timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Keyring } from '../../../../kernel/server/crypto.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, notFound } from '../../../../kernel/server/errors.ts';
import type { PublicOutcome } from '../../contract.ts';
import { ombudsmanDb } from '../tables.ts';
import { trackingHash } from './file-complaint.ts';

export const statusLookupLimit = { maxFailures: 10, windowMinutes: 15 };

/**
 * The case that the pair (receipt number, tracking code) opens, or a 404 (and a failure counted
 * against the address); a 429 while the address has failed too often.
 */
export async function verifyTracking(
  db: Db,
  keys: Keyring,
  ip: string,
  receiptNumber: string,
  trackingCode: string,
) {
  const om = ombudsmanDb(db);
  const key = `address:${ip}`;
  const { maxFailures, windowMinutes } = statusLookupLimit;
  const blocked = await sql<{ wait: number }>`
    select ceil(extract(epoch from (failed_at + make_interval(mins => ${windowMinutes}) - now())))::integer as wait
    from ombudsman_status_failures
    where key = ${key} and failed_at > now() - make_interval(mins => ${windowMinutes})
    order by failed_at desc
    offset ${maxFailures - 1} limit 1`.execute(db);
  const wait = blocked.rows[0]?.wait;
  if (wait !== undefined) {
    const seconds = Math.max(wait, 1);
    throw new AppError('rate_limited', 429, {
      params: { seconds },
      headers: { 'retry-after': String(seconds) },
    });
  }

  const row = await om
    .selectFrom('ombudsman_cases')
    .select([
      'id',
      'status',
      'received_at',
      'updated_at',
      'tracking_hash',
      'decision',
      'closed_reason',
      'assessment_reason',
      'referred_to',
    ])
    .where('receipt_number', '=', receiptNumber)
    .executeTakeFirst();
  const presented = Buffer.from(trackingHash(keys, receiptNumber, trackingCode));
  // Without a case, compare against a hash all the same: the same work, the same answer.
  const expected = Buffer.from(row?.tracking_hash ?? trackingHash(keys, receiptNumber, 'no-such-case'));
  const matches = presented.length === expected.length && timingSafeEqual(presented, expected);
  if (!row || !matches) {
    await om
      .deleteFrom('ombudsman_status_failures')
      .where('failed_at', '<', sql<Date>`now() - make_interval(mins => ${windowMinutes})`)
      .execute();
    await om.insertInto('ombudsman_status_failures').values({ key }).execute();
    throw notFound();
  }
  return row;
}

const closedKinds: Record<string, PublicOutcome['kind']> = {
  not_admissible: 'not_admissible',
  referred: 'referred',
  no_violation: 'violation_not_found',
  conciliated: 'conciliated',
  recommendations_followed_up: 'violation_found',
  withdrawn: 'withdrawn',
};

/**
 * The outcome in kinds the complainant can be told: a closed case by its closing reason, a decided
 * one by its decision; with the answers to the recommendations issued (accepted or not, implemented),
 * never their department or text. Nothing while the case is still open and undecided.
 */
async function publicOutcome(
  db: Db,
  row: {
    id: string;
    status: string;
    decision: string | null;
    closed_reason: string | null;
    assessment_reason: string | null;
    referred_to: string | null;
  },
): Promise<PublicOutcome | null> {
  const kind =
    row.status === 'closed' && row.closed_reason !== null
      ? closedKinds[row.closed_reason]
      : (row.status === 'decided' || row.status === 'follow_up') && row.decision !== null
        ? (row.decision as PublicOutcome['kind'])
        : undefined;
  if (kind === undefined) return null;
  const recommendations = await ombudsmanDb(db)
    .selectFrom('ombudsman_recommendations')
    .select(['response', 'implemented'])
    .where('case_id', '=', row.id)
    .where('issued_at', 'is not', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return {
    kind,
    inadmissibleReason:
      kind === 'not_admissible' ? (row.assessment_reason as PublicOutcome['inadmissibleReason']) : null,
    referredTo: kind === 'referred' ? row.referred_to : null,
    recommendations: recommendations.map((item) => ({
      response: item.response,
      implemented: item.implemented,
    })),
  };
}

export async function checkStatus(
  db: Db,
  keys: Keyring,
  ip: string,
  receiptNumber: string,
  trackingCode: string,
) {
  const row = await verifyTracking(db, keys, ip, receiptNumber, trackingCode);
  return {
    status: row.status,
    receivedAt: row.received_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    outcome: await publicOutcome(db, row),
  };
}
