/**
 * Step (5): complementation actions, each for an indicator, with an owner department, a due date and
 * a status. The office creates and edits them from the report on until the cycle closes; the owner
 * department sees its own and moves their status. Every change carries the version read.
 */

import { sql } from 'kysely';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict, fieldError, forbidden, notFound } from '../../../../kernel/server/errors.ts';
import type { Action, ActionCreate, ActionUpdate, CycleStep } from '../../contract.ts';
import { loadIndicator } from '../queries.ts';
import { type IndicatorsDb, type IndicatorsTrx, indicatorsDb, indicatorsTrx } from '../tables.ts';
import { cycleStepOf, requireStep } from './observations.ts';

const actionSteps: readonly CycleStep[] = ['report', 'complementation', 'results'];
const isOffice = (user: SessionUser) => user.role === 'officer' || user.role === 'admin';

function actionQuery(reader: IndicatorsDb | IndicatorsTrx) {
  return reader
    .selectFrom('indicators_actions as a')
    .innerJoin('indicators_indicators as i', 'i.id', 'a.indicator_id')
    .select([
      'a.id',
      'a.year',
      'i.code as indicatorCode',
      'a.description',
      'a.owner_department as ownerDepartment',
      sql<string>`a.due_date::text`.as('dueDate'),
      'a.status',
      'a.version',
      // Overdue from the day after the due date in Seoul, until the action is done.
      sql<boolean>`a.status <> 'done' and a.due_date < (now() at time zone 'Asia/Seoul')::date`.as('overdue'),
    ]);
}

/** The year's actions, or only those one department owns. */
export async function listActions(db: Db, year: number, ownerDepartment?: string): Promise<Action[]> {
  const reader = indicatorsDb(db);
  await cycleStepOf(reader, year);
  let query = actionQuery(reader).where('a.year', '=', year);
  if (ownerDepartment !== undefined) query = query.where('a.owner_department', '=', ownerDepartment);
  return query.orderBy('a.id').execute();
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
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'indicators.create-action',
      entityType: 'indicators_actions',
      entityId: String(id),
      after: input,
    });
    return actionQuery(trx).where('a.id', '=', id).executeTakeFirstOrThrow();
  });
}

export async function updateAction(
  db: Db,
  user: SessionUser,
  ip: string | null,
  id: number,
  input: ActionUpdate,
): Promise<Action> {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    const current = await trx
      .selectFrom('indicators_actions')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound();
    const owner = user.role === 'department' && user.departmentCode === current.owner_department;
    if (!isOffice(user) && !owner) throw forbidden();
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
    requireStep(await cycleStepOf(trx, current.year, { lock: true }), current.year, actionSteps);
    if (current.version !== input.version) throw conflict();
    const after = {
      status: input.status,
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.dueDate === undefined ? {} : { due_date: input.dueDate }),
    };
    await trx
      .updateTable('indicators_actions')
      .set({ ...after, version: current.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'indicators.update-action',
      entityType: 'indicators_actions',
      entityId: String(id),
      before: { status: current.status, description: current.description },
      after,
    });
    return actionQuery(trx).where('a.id', '=', id).executeTakeFirstOrThrow();
  });
}
