/**
 * Step (5): complementation actions, each for an indicator, with an owner department, a due date and
 * a status. The office creates them from the report on until the cycle closes; the owner department
 * sees its own and moves their status. An action outlives its year: after the cycle closes it still
 * moves, takes notes and may be cancelled until it is done or cancelled (an action due next year is
 * not frozen with the year). Cancelling is the office's, with a reason; progress notes are written by
 * the office or the owner department and never edited. Every change carries the version read and is
 * audited.
 */

import { sql } from 'kysely';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { cityToday } from '../../../../kernel/server/city/clock.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, fieldError, forbidden, notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { Action, ActionCancel, ActionCreate, ActionUpdate, CycleStep } from '../../contract.ts';
import { loadIndicator } from '../queries.ts';
import {
  type IndicatorsDb,
  type IndicatorsTrx,
  indicatorsDb,
  indicatorsTrx,
  savedByName,
} from '../tables.ts';
import { cycleStepOf, requireStep } from './observations.ts';

/** The steps at which actions are added; they are moved on these and after the year closes. */
const actionSteps: readonly CycleStep[] = ['report', 'complementation', 'results'];
const isOffice = (user: SessionUser) => user.role === 'officer' || user.role === 'admin';

const userName = savedByName;

function actionQuery(reader: IndicatorsDb | IndicatorsTrx) {
  return reader
    .selectFrom('indicators_actions as a')
    .innerJoin('indicators_indicators as i', 'i.id', 'a.indicator_id')
    .innerJoin('indicators_cycles as c', 'c.year', 'a.year')
    .select([
      'a.id',
      'a.year',
      'i.code as indicatorCode',
      'a.description',
      'a.owner_department as ownerDepartment',
      sql<string>`a.due_date::text`.as('dueDate'),
      'a.status',
      'a.version',
      // Overdue from the day after the due date in the city (the kernel clock), until the action is done or cancelled.
      sql<boolean>`a.status not in ('done', 'cancelled') and a.due_date < ${cityToday()}::date`.as('overdue'),
      userName('a.created_by').as('createdBy'),
      'a.created_at',
      userName('a.updated_by').as('updatedBy'),
      'a.updated_at',
      'a.cancel_reason',
      'a.cancelled_at',
      userName('a.cancelled_by').as('cancelledBy'),
      'c.step',
    ]);
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof actionQuery>['executeTakeFirstOrThrow']>>;

/** Whether an action may still change: never once cancelled; once its year is closed, not once done. */
function continues(status: Action['status'], step: CycleStep): boolean {
  if (status === 'cancelled') return false;
  if (step === 'closed') return status !== 'done';
  return actionSteps.includes(step);
}

async function present(reader: IndicatorsDb | IndicatorsTrx, rows: ActionRow[]): Promise<Action[]> {
  const ids = rows.map((row) => row.id);
  const notes =
    ids.length === 0
      ? []
      : await reader
          .selectFrom('indicators_action_notes as n')
          .select(['n.id', 'n.action_id', 'n.body', 'n.created_at', userName('n.author_id').as('author')])
          .where('n.action_id', 'in', ids)
          .orderBy('n.id')
          .execute();
  return rows.map((row) => ({
    id: row.id,
    year: row.year,
    indicatorCode: row.indicatorCode,
    description: row.description,
    ownerDepartment: row.ownerDepartment,
    dueDate: row.dueDate,
    status: row.status,
    version: row.version,
    overdue: row.overdue,
    createdBy: row.createdBy,
    createdAt: new Date(row.created_at).toISOString(),
    updatedBy: row.updatedBy,
    updatedAt: new Date(row.updated_at).toISOString(),
    cancellation:
      row.status === 'cancelled' && row.cancel_reason !== null && row.cancelled_at !== null
        ? {
            reason: row.cancel_reason,
            by: row.cancelledBy ?? '',
            at: new Date(row.cancelled_at).toISOString(),
          }
        : null,
    notes: notes
      .filter((note) => note.action_id === row.id)
      .map((note) => ({
        id: note.id,
        body: note.body,
        author: note.author ?? '',
        createdAt: new Date(note.created_at).toISOString(),
      })),
    continues: continues(row.status, row.step),
  }));
}

async function presentOne(reader: IndicatorsDb | IndicatorsTrx, id: number): Promise<Action> {
  const [action] = await present(reader, [
    await actionQuery(reader).where('a.id', '=', id).executeTakeFirstOrThrow(),
  ]);
  return action as Action;
}

/** The year's actions, or only those one department owns. */
export async function listActions(db: Db, year: number, ownerDepartment?: string): Promise<Action[]> {
  const reader = indicatorsDb(db);
  await cycleStepOf(reader, year);
  let query = actionQuery(reader).where('a.year', '=', year);
  if (ownerDepartment !== undefined) query = query.where('a.owner_department', '=', ownerDepartment);
  return present(reader, await query.orderBy('a.id').execute());
}

export async function createAction(
  db: Db,
  user: SessionUser,
  ip: string | null,
  year: number,
  input: ActionCreate,
): Promise<Action> {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    requireStep(await cycleStepOf(trx, year, { lock: true }), year, actionSteps);
    const indicator = await loadIndicator(trx, input.indicatorCode);
    const { id } = await trx
      .insertInto('indicators_actions')
      .values({
        year,
        indicator_id: indicator.id,
        description: input.description,
        owner_department: input.ownerDepartment,
        due_date: input.dueDate,
        status: 'planned',
        cancel_reason: null,
        cancelled_at: null,
        cancelled_by: null,
        created_by: user.id,
        updated_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'indicators.create-action',
      entityType: 'indicators_actions',
      entityId: String(id),
      after: input,
    });
    return presentOne(trx, id);
  });
}

/**
 * The action locked for a change, once the caller may make it (the office, or the owner department
 * when `owner` allows) and the action still continues (else 409 `indicators_action_finished`).
 */
async function lockAction(trx: IndicatorsTrx, user: SessionUser, id: number, owner: boolean) {
  const current = await trx
    .selectFrom('indicators_actions')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw notFound();
  const isOwner = owner && user.role === 'department' && user.departmentCode === current.owner_department;
  if (!isOffice(user) && !isOwner) throw forbidden();
  const step = await cycleStepOf(trx, current.year, { lock: true });
  if (step !== 'closed') requireStep(step, current.year, actionSteps);
  if (!continues(current.status, step)) {
    throw new AppError('indicators_action_finished', 409, { params: { status: current.status } });
  }
  return current;
}

export async function updateAction(
  db: Db,
  user: SessionUser,
  ip: string | null,
  id: number,
  input: ActionUpdate,
): Promise<Action> {
  const action = await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    const current = await lockAction(trx, user, id, true);
    // The owner department answers for the status only; what and when are the office's. The action
    // is the department's to move, so this is a mistake in the form (named on its field), not a refusal.
    if (!isOffice(user)) {
      const field =
        input.description !== undefined ? 'description' : input.dueDate !== undefined ? 'dueDate' : null;
      if (field) {
        throw fieldError(`body.${field}`, 'office_only', {
          ko: '담당 부서는 상태만 바꿀 수 있습니다. 내용과 기한은 인권담당관실이 바꿉니다.',
          en: 'The owner department changes only the status; the Human Rights Office changes what and when.',
        });
      }
    }
    if (current.version !== input.version) throw conflict();
    const after = {
      status: input.status,
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.dueDate === undefined ? {} : { due_date: input.dueDate }),
    };
    await trx
      .updateTable('indicators_actions')
      .set({ ...after, version: current.version + 1, updated_at: new Date(), updated_by: user.id })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'indicators.update-action',
      entityType: 'indicators_actions',
      entityId: String(id),
      before: { status: current.status, description: current.description },
      after,
    });
    return presentOne(trx, id);
  });
  // A closed year's actions are public (its results page, the indicator's page).
  publicDataChanged();
  return action;
}

/** The office cancels an action that is no longer to be done, saying why; it then stays as it is. */
export async function cancelAction(
  db: Db,
  user: SessionUser,
  ip: string | null,
  id: number,
  input: ActionCancel,
): Promise<Action> {
  const action = await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    const current = await lockAction(trx, user, id, false);
    if (current.version !== input.version) throw conflict();
    const now = new Date();
    await trx
      .updateTable('indicators_actions')
      .set({
        status: 'cancelled',
        cancel_reason: input.reason,
        cancelled_at: now,
        cancelled_by: user.id,
        version: current.version + 1,
        updated_at: now,
        updated_by: user.id,
      })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'indicators.cancel-action',
      entityType: 'indicators_actions',
      entityId: String(id),
      before: { status: current.status },
      after: { status: 'cancelled', reason: input.reason },
    });
    return presentOne(trx, id);
  });
  // A closed year's actions are public (its results page, the indicator's page).
  publicDataChanged();
  return action;
}

/** A progress note on an action (the office or the owner department), kept as written. */
export async function addActionNote(
  db: Db,
  user: SessionUser,
  ip: string | null,
  id: number,
  body: string,
): Promise<Action> {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    await lockAction(trx, user, id, true);
    const note = await trx
      .insertInto('indicators_action_notes')
      .values({ action_id: id, body, author_id: user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'indicators.note-action',
      entityType: 'indicators_action_notes',
      entityId: String(note.id),
      after: { actionId: id, body },
    });
    return presentOne(trx, id);
  });
}
