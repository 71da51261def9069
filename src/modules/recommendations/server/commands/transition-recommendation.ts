/**
 * One step of a recommendation's life, as the transition table (`../workflow.ts`) allows it: a
 * department answers its part (the record is `answered` once every part is), the implementation
 * starts, progress is reported, it is completed, or it is closed with a typed reason. Each step is an
 * event of the public timeline and a row of the audit trail, in one transaction.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, fieldError, forbidden, notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { RecommendationStatus, TransitionInput } from '../../contract.ts';
import { fieldMessages } from '../messages.ts';
import { answersFor, capacitiesOn, seesStaffRecord } from '../policy.ts';
import { recommendationsTrx } from '../tables.ts';
import { transitionFor } from '../workflow.ts';

export async function transitionRecommendation(
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: string,
  input: TransitionInput,
): Promise<{ status: RecommendationStatus; version: number }> {
  const result = await runCommand(db, actor, async ({ trx, audit }) => {
    const register = recommendationsTrx(trx);
    const record = await register
      .selectFrom('recommendations_records')
      .select(['status', 'version', 'source_kind'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!record) throw notFound();
    const parts = await register
      .selectFrom('recommendations_departments')
      .selectAll()
      .where('recommendation_id', '=', id)
      .orderBy('department_code')
      .execute();
    const capacities = capacitiesOn(
      user,
      parts.map((part) => part.department_code),
      record.source_kind,
    );
    if (!seesStaffRecord(capacities)) throw notFound();
    const row = transitionFor(record.status, input.action);
    if (!row) {
      throw new AppError('recommendations_transition_not_allowed', 409, {
        params: { action: input.action, status: record.status },
      });
    }
    if (!row.by.some((capacity) => capacities.has(capacity))) throw forbidden();
    if (record.version !== input.version) throw conflict();

    let to = row.to;
    let departmentCode: string | null = null;
    let answer: (typeof parts)[number]['answer'] = null;
    let reason: 'not_accepted' | 'superseded' | 'withdrawn' | 'no_longer_applicable' | null = null;
    let note: string | null = null;
    if (input.action === 'answer') {
      const part = parts.find((candidate) => candidate.department_code === input.departmentCode);
      if (!part)
        throw fieldError('body.departmentCode', 'recommendations_not_addressed', fieldMessages.notAddressed);
      if (!answersFor(user, capacities, part.department_code)) throw forbidden();
      if (part.answer !== null) throw new AppError('recommendations_already_answered', 409);
      await register
        .updateTable('recommendations_departments')
        .set({ answer: input.answer, reasons: input.reasons, answered_at: new Date(), answered_by: user.id })
        .where('recommendation_id', '=', id)
        .where('department_code', '=', part.department_code)
        .execute();
      const open = parts.filter(
        (other) => other.answer === null && other.department_code !== part.department_code,
      );
      if (open.length > 0) to = row.toWhilePartsOpen ?? row.to;
      departmentCode = part.department_code;
      answer = input.answer;
      note = input.reasons;
    } else if (input.action === 'report_progress') {
      // A department reports for itself; the office may name the department it reports for.
      departmentCode = capacities.has('office') ? (input.departmentCode ?? null) : user.departmentCode;
      if (departmentCode !== null && !parts.some((part) => part.department_code === departmentCode)) {
        throw fieldError('body.departmentCode', 'recommendations_not_addressed', fieldMessages.notAddressed);
      }
      note = input.note;
    } else if (input.action === 'close') {
      reason = input.reason;
      note = input.note ?? null;
    } else {
      note = input.note ?? null;
    }

    await register
      .updateTable('recommendations_records')
      .set({
        status: to,
        closed_reason: to === 'closed' ? reason : null,
        version: record.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await register
      .insertInto('recommendations_events')
      .values({
        recommendation_id: id,
        action: input.action,
        from_status: record.status,
        to_status: to,
        department_code: departmentCode,
        answer,
        reason,
        note,
      })
      .execute();
    await audit({
      action: `recommendations.${input.action}`,
      entityType: 'recommendations_records',
      entityId: id,
      before: { status: record.status, version: record.version },
      after: { status: to, version: record.version + 1, departmentCode, answer, reason, note },
    });
    return { status: to, version: record.version + 1 };
  });
  publicDataChanged();
  return result;
}
