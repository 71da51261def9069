/**
 * Every step of a case after intake, through the one transition table (`../workflow.ts`): the table
 * says whether the action is possible from the case's state (else 409) and who may take it (else
 * 403); this command applies the step's own rules and records it (a timeline event and an audit row,
 * timestamped, in the same transaction).
 *
 * Optimistic concurrency: the caller sends the case version it read; a step taken meanwhile by someone
 * else makes this a 409 `conflict`, never a silent overwrite. Every step increments the version.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { clock } from '../../../../kernel/server/city/clock.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, fieldError, forbidden, notFound } from '../../../../kernel/server/errors.ts';
import type { CaseStatus, TransitionInput } from '../../contract.ts';
import { notifyCaseAssigned, notifyInformationRequested } from '../notifications.ts';
import { loadCase, membersInForce } from '../queries.ts';
import { type OmbudsmanTrx, ombudsmanTrx } from '../tables.ts';
import { transitionFor } from '../workflow.ts';
import { readDeadlineSettings } from './deadline-settings.ts';

/**
 * The calendar day `days` after today in the city (the day a due date is counted from): the kernel
 * clock's date, so a step taken just after midnight in the city counts from that day.
 */
function addDays(days: number): string {
  const today = clock().today();
  return clock().addDays(today, days);
}

/** A date an answer is due by cannot already have passed: it would be overdue from the start. */
function assertNotPast(dueOn: string | undefined): void {
  if (dueOn !== undefined && dueOn < clock().today()) {
    throw fieldError('body.dueOn', 'date_in_past', {
      ko: '회신 기한은 오늘이나 그 뒤의 날짜여야 합니다.',
      en: 'The due date must be today or later.',
    });
  }
}

interface StepResult {
  /** Columns of the case that the step sets, besides status, version and updated_at. */
  changes?: Record<string, unknown>;
  /** A short, non-identifying note for the timeline and the audit trail. */
  detail?: Record<string, unknown>;
  /** The text typed with the step, for the case's timeline only (never the audit trail). */
  body?: string;
}

async function applyStep(
  trx: OmbudsmanTrx,
  user: SessionUser,
  caseId: string,
  input: TransitionInput,
  departmentCode: string | null,
): Promise<StepResult> {
  switch (input.action) {
    case 'start_assessment':
      return {};
    case 'admit':
      return { changes: { assessed_at: clock().now() }, ...(input.note ? { body: input.note } : {}) };
    case 'dismiss':
      return {
        changes: {
          assessment_reason: input.reason,
          assessed_at: clock().now(),
          closed_reason: 'not_admissible',
          closed_at: clock().now(),
        },
        detail: { reason: input.reason },
      };
    case 'refer':
      return {
        changes: {
          referred_to: input.referredTo,
          assessed_at: clock().now(),
          closed_reason: 'referred',
          closed_at: clock().now(),
        },
        detail: { referredTo: input.referredTo },
      };
    case 'assign': {
      // Only members whose appointment is in force can be given a case (and its identities).
      const known = await membersInForce(trx, input.userIds);
      const unknown = input.userIds.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw fieldError('body.userIds', 'not_an_ombudsman', {
          ko: `인권옴부즈맨으로 위촉되지 않은 사용자입니다: ${unknown.join(', ')}`,
          en: `Not an appointed ombudsman: ${unknown.join(', ')}`,
        });
      }
      await trx.deleteFrom('ombudsman_assignments').where('case_id', '=', caseId).execute();
      await trx
        .insertInto('ombudsman_assignments')
        .values([...known].map((userId) => ({ case_id: caseId, user_id: userId })))
        .execute();
      return { detail: { assigned: [...known] } };
    }
    case 'add_note':
      await trx
        .insertInto('ombudsman_notes')
        .values({ case_id: caseId, author_id: user.id, body: input.body })
        .execute();
      return { body: input.body };
    case 'request_information': {
      assertNotPast(input.dueOn);
      const settings = await readDeadlineSettings(trx);
      const id = randomUUID();
      const dueOn = input.dueOn ?? addDays(settings.daysForDepartmentAnswer);
      await trx
        .insertInto('ombudsman_info_requests')
        .values({
          id,
          case_id: caseId,
          department_code: input.departmentCode,
          question: input.question,
          due_on: dueOn,
          answer: null,
          answered_at: null,
        })
        .execute();
      return { detail: { requestId: id, departmentCode: input.departmentCode, dueOn }, body: input.question };
    }
    case 'answer_information': {
      const request = await trx
        .selectFrom('ombudsman_info_requests')
        .select(['department_code', 'answered_at'])
        .where('id', '=', input.requestId)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      if (!request) throw notFound();
      if (request.department_code !== departmentCode) throw forbidden();
      if (request.answered_at !== null) throw new AppError('ombudsman_already_answered', 409);
      await trx
        .updateTable('ombudsman_info_requests')
        .set({ answer: input.answer, answered_at: clock().now() })
        .where('id', '=', input.requestId)
        .execute();
      return { detail: { requestId: input.requestId }, body: input.answer };
    }
    case 'decide': {
      // The signatory as appointed today: a decision keeps the title it was signed with.
      const signatory = await trx
        .selectFrom('ombudsman_members')
        .innerJoin('accounts_users', 'accounts_users.id', 'ombudsman_members.user_id')
        .select(['accounts_users.display_name', 'ombudsman_members.standing'])
        .where('ombudsman_members.user_id', '=', user.id)
        .executeTakeFirstOrThrow();
      return {
        changes: {
          decision: input.outcome,
          decided_at: clock().now(),
          decision_facts: input.facts,
          decision_grounds: input.grounds,
          decided_by: user.id,
          signatory_name: signatory.display_name,
          signatory_standing: signatory.standing,
        },
        detail: { outcome: input.outcome },
        body: input.grounds,
      };
    }
    case 'recommend': {
      const current = await trx
        .selectFrom('ombudsman_cases')
        .select('decision')
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      if (current.decision !== 'violation_found') throw new AppError('ombudsman_no_violation_found', 409);
      assertNotPast(input.dueOn);
      const id = randomUUID();
      await trx
        .insertInto('ombudsman_recommendations')
        .values({
          id,
          case_id: caseId,
          department_code: input.departmentCode,
          body: input.body,
          issued_at: null,
          // Kept as entered; one left open gets the office's default when the letters are issued.
          due_on: input.dueOn ?? null,
          response: null,
          response_reason: null,
          implementation_evidence: null,
          responded_at: null,
        })
        .execute();
      return {
        detail: { recommendationId: id, departmentCode: input.departmentCode, dueOn: input.dueOn ?? null },
        body: input.body,
      };
    }
    case 'issue_recommendations': {
      const settings = await readDeadlineSettings(trx);
      const issued = await trx
        .updateTable('ombudsman_recommendations')
        .set((eb) => ({
          issued_at: clock().now(),
          due_on: eb.fn.coalesce('due_on', eb.val(addDays(settings.daysForDepartmentAnswer))),
        }))
        .where('case_id', '=', caseId)
        .where('issued_at', 'is', null)
        .returning('id')
        .execute();
      if (issued.length === 0) throw new AppError('ombudsman_no_recommendations', 409);
      return { detail: { issued: issued.map((row) => row.id) } };
    }
    case 'respond_recommendation': {
      const recommendation = await trx
        .selectFrom('ombudsman_recommendations')
        .select(['department_code', 'issued_at'])
        .where('id', '=', input.recommendationId)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      if (!recommendation || recommendation.issued_at === null) throw notFound();
      if (recommendation.department_code !== departmentCode) throw forbidden();
      if (input.response !== 'accepted' && !input.reason) {
        throw fieldError('body.reason', 'reason_required', {
          ko: '일부 수용하거나 불수용하는 경우 그 이유를 적어 주세요.',
          en: 'Give the reasons when a recommendation is partly accepted or rejected.',
        });
      }
      await trx
        .updateTable('ombudsman_recommendations')
        .set({
          response: input.response,
          response_reason: input.reason ?? null,
          implementation_evidence: input.implementationEvidence ?? null,
          implemented: input.implemented,
          responded_at: clock().now(),
        })
        .where('id', '=', input.recommendationId)
        .execute();
      return {
        detail: {
          recommendationId: input.recommendationId,
          response: input.response,
          implemented: input.implemented,
        },
        ...(input.reason ? { body: input.reason } : {}),
      };
    }
    case 'close':
      return {
        changes: { closed_reason: input.reason, closed_at: clock().now() },
        detail: { reason: input.reason },
      };
    case 'reopen':
      // The earlier outcome stays in the timeline; the case is open again until it is closed anew.
      return { changes: { closed_reason: null, closed_at: null }, body: input.reason };
  }
}

export async function transitionCase(
  db: Db,
  user: SessionUser,
  ip: string | null,
  caseId: string,
  input: TransitionInput,
): Promise<{ status: CaseStatus; version: number }> {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: plain, audit }) => {
    const trx = ombudsmanTrx(plain);
    const { row, capacities } = await loadCase(trx, user, caseId, { lock: true });
    const transition = transitionFor(row.status, input.action);
    if (!transition) {
      throw new AppError('ombudsman_transition_not_allowed', 409, {
        params: { action: input.action, status: row.status },
      });
    }
    if (!transition.by.some((capacity) => capacities.has(capacity))) throw forbidden();
    if (row.version !== input.version) throw conflict();
    const assignedBefore =
      input.action === 'assign'
        ? await trx
            .selectFrom('ombudsman_assignments')
            .select('user_id')
            .where('case_id', '=', caseId)
            .execute()
        : [];
    const step = await applyStep(
      trx,
      user,
      caseId,
      input,
      capacities.has('department') ? user.departmentCode : null,
    );
    const updated = await trx
      .updateTable('ombudsman_cases')
      .set({
        ...step.changes,
        status: transition.to,
        version: sql<number>`version + 1`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', caseId)
      .returning(['status', 'version'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('ombudsman_events')
      .values({
        case_id: caseId,
        actor_id: user.id,
        action: input.action,
        from_status: row.status,
        to_status: transition.to,
        note: step.detail ? JSON.stringify(step.detail) : null,
        body: step.body ?? null,
      })
      .execute();
    // Told in this transaction, so only a step that commits is announced.
    if (input.action === 'assign') {
      const before = new Set(assignedBefore.map((assigned) => assigned.user_id));
      const added = input.userIds.filter((id) => !before.has(id));
      await notifyCaseAssigned(plain, caseId, row.receipt_number, added, user.id);
    } else if (input.action === 'request_information') {
      await notifyInformationRequested(plain, row.receipt_number, input.departmentCode);
    }
    await audit({
      action: `ombudsman.${input.action.replaceAll('_', '-')}`,
      entityType: 'ombudsman_cases',
      entityId: caseId,
      before: { status: row.status, version: row.version },
      after: { status: updated.status, version: updated.version, ...step.detail },
    });
    return { status: updated.status, version: updated.version };
  });
}
