/**
 * Registering a case: a complaint from the public form, a complaint taken by staff (phone, visit,
 * letter, outreach, on behalf of someone), or an own-motion investigation opened by a standing
 * ombudsman without a complaint.
 *
 * The complainant gets a receipt number (`2026-000123`, sequential per year in the city's time, easy to
 * say on the phone) and a separate random tracking code; only an HMAC of the code is kept, so the
 * database (or a backup) cannot be used to look up a status. The audit trail is append-only and
 * outlives retention, so it records what happened, never who complained or what they wrote.
 */

import { randomBytes, randomUUID } from 'node:crypto';
import { clock } from '../../../../kernel/server/city/clock.ts';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Keyring } from '../../../../kernel/server/crypto.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { fieldError } from '../../../../kernel/server/errors.ts';
import type { ComplaintInput, StaffCaseInput } from '../../contract.ts';
import { sealIdentity } from '../identity.ts';
import { normaliseSearchText, searchGrams } from '../search-grams.ts';
import { type OmbudsmanTrx, ombudsmanTrx } from '../tables.ts';
import { assertKnownRights } from './rights.ts';

/** Without 0/O and 1/I, which are misread aloud and on paper: 32 symbols, 5 bits each. */
const trackingAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const trackingLength = 15;

/** 75 random bits, shown in groups of five (`7KQ2M-…`). */
export function newTrackingCode(): string {
  const symbols = [...randomBytes(trackingLength)].map((byte) => trackingAlphabet[byte % 32]).join('');
  return symbols.match(/.{5}/g)?.join('-') ?? symbols;
}

/** What people type: any case, with or without the dashes and spaces. */
export function normaliseTrackingCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function trackingHash(keys: Keyring, receiptNumber: string, code: string): string {
  return keys.sign('ombudsman-tracking', `${receiptNumber}\n${normaliseTrackingCode(code)}`);
}

async function nextReceiptNumber(trx: OmbudsmanTrx): Promise<string> {
  const year = clock().year();
  const counter = await trx
    .insertInto('ombudsman_receipt_counters')
    .values({ year, last: 1 })
    .onConflict((conflict) =>
      conflict.column('year').doUpdateSet((eb) => ({ last: eb('ombudsman_receipt_counters.last', '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${year}-${String(counter.last).padStart(6, '0')}`;
}

export function searchFields(input: {
  summary: string;
  description: string;
  respondent: string;
  occurredPlace?: string | null | undefined;
}) {
  const text = normaliseSearchText(
    [input.summary, input.description, input.respondent, input.occurredPlace ?? ''].join('\n'),
  );
  return { search_text: text, search_grams: searchGrams(text) };
}

type CaseInput = (ComplaintInput | StaffCaseInput) & { witnesses?: StaffCaseInput['witnesses'] };

export interface FiledCase {
  caseId: string;
  receiptNumber: string | null;
  trackingCode: string | null;
}

export async function fileCase(
  db: Db,
  keys: Keyring,
  actor: Actor,
  input: CaseInput,
  how: { origin: 'complaint' | 'own_motion'; channel: string },
): Promise<FiledCase> {
  const isComplaint = how.origin === 'complaint';
  if (isComplaint && input.consent !== true) {
    throw fieldError('body.consent', 'consent_required', {
      ko: '개인정보 처리에 동의해야 접수할 수 있습니다.',
      en: 'The complaint can be filed only with consent to the processing of personal data.',
    });
  }
  if (
    isComplaint &&
    !input.anonymous &&
    !input.complainant?.name &&
    !input.complainant?.phone &&
    !input.complainant?.email
  ) {
    throw fieldError('body.complainant', 'complainant_required', {
      ko: '이름이나 연락처를 적거나 익명 접수를 선택해 주세요.',
      en: 'Give a name or a contact, or choose to file anonymously.',
    });
  }
  if (input.onBehalf && !input.victim) {
    throw fieldError('body.victim', 'victim_required', {
      ko: '다른 사람을 대신해 접수하는 경우 피해자를 적어 주세요.',
      en: 'When filing on behalf of someone, say who the victim is.',
    });
  }
  return runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = ombudsmanTrx(plain);
    await assertKnownRights(trx, input.rights, 'body.rights');
    const caseId = randomUUID();
    const receiptNumber = isComplaint ? await nextReceiptNumber(trx) : null;
    const trackingCode = receiptNumber ? newTrackingCode() : null;
    const identity = sealIdentity(keys, {
      complainant: input.anonymous ? undefined : input.complainant,
      victim: input.victim,
      witnesses: input.witnesses,
    });
    const status = isComplaint ? 'received' : 'investigation';
    await trx
      .insertInto('ombudsman_cases')
      .values({
        id: caseId,
        receipt_number: receiptNumber,
        tracking_hash: receiptNumber && trackingCode ? trackingHash(keys, receiptNumber, trackingCode) : null,
        origin: how.origin,
        channel: how.channel,
        status,
        anonymous: input.anonymous,
        on_behalf: input.onBehalf,
        identity_enc: identity,
        respondent: input.respondent,
        respondent_type: input.respondentType,
        summary: input.summary,
        description: input.description,
        occurred_on: input.occurredOn ?? null,
        occurred_place: input.occurredPlace ?? null,
        rights: input.rights,
        consent_at: isComplaint ? new Date() : null,
        assessment_reason: null,
        referred_to: null,
        decision: null,
        closed_reason: null,
        assessed_at: isComplaint ? null : new Date(),
        decided_at: null,
        closed_at: null,
        pseudonymised_at: null,
        ...searchFields(input),
      })
      .execute();
    if (!isComplaint && actor.userId) {
      // The standing ombudsman who opens an own-motion investigation leads it.
      await trx
        .insertInto('ombudsman_assignments')
        .values({ case_id: caseId, user_id: actor.userId })
        .execute();
    }
    await trx
      .insertInto('ombudsman_events')
      .values({
        case_id: caseId,
        actor_id: actor.userId,
        action: how.origin === 'own_motion' ? 'open_own_motion' : 'receive',
        from_status: null,
        to_status: status,
        note: null,
      })
      .execute();
    await audit({
      action: how.origin === 'own_motion' ? 'ombudsman.open-own-motion' : 'ombudsman.file-complaint',
      entityType: 'ombudsman_cases',
      entityId: caseId,
      after: {
        receiptNumber,
        origin: how.origin,
        channel: how.channel,
        status,
        anonymous: input.anonymous,
        onBehalf: input.onBehalf,
        identityRecorded: identity !== null,
        rights: input.rights,
      },
    });
    return { caseId, receiptNumber, trackingCode };
  });
}
