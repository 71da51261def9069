/**
 * Retention: a case closed more than OMBUDSMAN_RETENTION_YEARS ago is pseudonymised. The identity
 * field is removed, attachments (which may show faces, names, documents) are deleted, and contact
 * details written into the free text (email addresses, phone numbers) are replaced by a marker;
 * everything the statistics count (dates, status, rights, respondent type, outcome,
 * recommendations) stays. Idempotent: a case pseudonymised once is not touched again.
 */
import { sql } from 'kysely';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { ombudsmanTrx } from '../tables.ts';
import { searchFields } from './file-complaint.ts';

const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const phonePattern = /(?:\+?\d[\d ()-]{7,}\d)/g;
export const contactMarker = '[삭제됨/removed]';

export function stripContacts(text: string): string {
  return text.replace(emailPattern, contactMarker).replace(phonePattern, contactMarker);
}

export async function pseudonymiseClosedCases(
  db: Db,
  retentionYears: number,
  now = new Date(),
): Promise<number> {
  return runCommand(db, { userId: null }, async ({ trx: plain, audit }) => {
    const trx = ombudsmanTrx(plain);
    const due = await trx
      .selectFrom('ombudsman_cases')
      .select(['id', 'summary', 'description', 'respondent', 'occurred_place'])
      .where('status', '=', 'closed')
      .where('pseudonymised_at', 'is', null)
      .where(
        'closed_at',
        '<',
        sql<Date>`${now.toISOString()}::timestamptz - make_interval(years => ${retentionYears})`,
      )
      .forUpdate()
      .execute();
    for (const row of due) {
      const summary = stripContacts(row.summary);
      const description = stripContacts(row.description);
      const occurredPlace = row.occurred_place === null ? null : stripContacts(row.occurred_place);
      await trx
        .updateTable('ombudsman_cases')
        .set({
          identity_enc: null,
          tracking_hash: null,
          summary,
          description,
          occurred_place: occurredPlace,
          pseudonymised_at: now,
          version: sql<number>`version + 1`,
          ...searchFields({ summary, description, respondent: row.respondent, occurredPlace }),
        })
        .where('id', '=', row.id)
        .execute();
      const notes = await trx
        .selectFrom('ombudsman_notes')
        .select(['id', 'body'])
        .where('case_id', '=', row.id)
        .execute();
      for (const note of notes) {
        await trx
          .updateTable('ombudsman_notes')
          .set({ body: stripContacts(note.body) })
          .where('id', '=', note.id)
          .execute();
      }
      // What staff wrote with the steps (the decision, the timeline's texts) is stripped the same way.
      const written = await trx
        .selectFrom('ombudsman_cases')
        .select(['decision_facts', 'decision_grounds'])
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('ombudsman_cases')
        .set({
          decision_facts: written.decision_facts === null ? null : stripContacts(written.decision_facts),
          decision_grounds:
            written.decision_grounds === null ? null : stripContacts(written.decision_grounds),
        })
        .where('id', '=', row.id)
        .execute();
      const events = await trx
        .selectFrom('ombudsman_events')
        .select(['id', 'note', 'body'])
        .where('case_id', '=', row.id)
        .execute();
      for (const event of events) {
        await trx
          .updateTable('ombudsman_events')
          .set({
            note: event.note === null ? null : stripContacts(event.note),
            body: event.body === null ? null : stripContacts(event.body),
          })
          .where('id', '=', event.id)
          .execute();
      }
      await trx.deleteFrom('ombudsman_attachments').where('case_id', '=', row.id).execute();
      await audit({
        action: 'ombudsman.pseudonymise-case',
        entityType: 'ombudsman_cases',
        entityId: row.id,
        after: { retentionYears },
      });
    }
    return due.length;
  });
}
