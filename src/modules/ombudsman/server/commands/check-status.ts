/**
 * The public status lookup: with the receipt number and the tracking code, anyone sees the case's
 * status and dates and nothing else. A wrong pair is one answer (404) whether or not the receipt
 * exists, and costs the same work (an HMAC is computed and compared in constant time either way).
 *
 * Guessing is slowed twice over, with failures counted in the database (so every app server sees the
 * same counts) and forgotten after the window:
 *
 * - per receipt number: after `perReceipt` failures on one receipt number, from any addresses, that
 *   receipt waits (429). A receipt under attack from many addresses is protected by its own count.
 * - per address: after `perAddress` failures from one address, on any receipts, the address waits.
 *   This ceiling is deliberately far above the per-receipt one: people share addresses (a shelter's
 *   or an office's network, a mobile carrier's NAT), and a complainant behind the same address as a
 *   guesser must still open their own case. The guesser's failures on other receipts do not count
 *   against the complainant's receipt, so the right pair works until the address is far past what a
 *   mistyping person makes (and the routes' request rate limit bounds the volume anyway).
 *
 * Only failures count, so a complainant checking their own case often is never refused. The address
 * is kept only as a counter's key, for the window; the audit trail and the logs never hold it.
 */
import { timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Keyring } from '../../../../kernel/server/crypto.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, notFound } from '../../../../kernel/server/errors.ts';
import type { PublicOutcome } from '../../contract.ts';
import { ombudsmanDb } from '../tables.ts';
import { trackingHash } from './file-complaint.ts';

export const statusLookupLimit = { perReceipt: 10, perAddress: 50, windowMinutes: 15 };

/** Seconds until the key's `max`-th latest failure leaves the window, or undefined when under it. */
async function waitFor(db: Db, key: string, max: number): Promise<number | undefined> {
  const { windowMinutes } = statusLookupLimit;
  const blocked = await sql<{ wait: number }>`
    select ceil(extract(epoch from (failed_at + make_interval(mins => ${windowMinutes}) - now())))::integer as wait
    from ombudsman_status_failures
    where key = ${key} and failed_at > now() - make_interval(mins => ${windowMinutes})
    order by failed_at desc
    offset ${max - 1} limit 1`.execute(db);
  return blocked.rows[0]?.wait;
}

/**
 * The case that the pair (receipt number, tracking code) opens, or a 404 (and a failure counted
 * against the receipt number and the address); a 429 while either has failed too often.
 */
export async function verifyTracking(
  db: Db,
  keys: Keyring,
  ip: string,
  receiptNumber: string,
  trackingCode: string,
) {
  const om = ombudsmanDb(db);
  const receiptKey = `receipt:${receiptNumber}`;
  const addressKey = `address:${ip}`;
  const { perReceipt, perAddress, windowMinutes } = statusLookupLimit;
  const waits = [await waitFor(db, receiptKey, perReceipt), await waitFor(db, addressKey, perAddress)];
  const wait = Math.max(...waits.map((value) => value ?? 0));
  if (waits.some((value) => value !== undefined)) {
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
    await om
      .insertInto('ombudsman_status_failures')
      .values([{ key: receiptKey }, { key: addressKey }])
      .execute();
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
