/**
 * The trainings of the Human Rights Management Promotion Council and the public enterprises' task
 * force, as events with their participant counts; each task-force training adds to the public count.
 * Editing sends the version read (stale → 409) and answers with the training as saved, so the editor
 * holds the new version.
 */

import type { z } from 'zod';
import type { Actor } from '../../../../kernel/server/command.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict, notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { Training, trainingInputSchema } from '../../contract.ts';
import { assessmentsDb } from '../tables.ts';

type TrainingInput = z.infer<typeof trainingInputSchema>;

const columns = (input: TrainingInput) => ({
  body: input.body,
  title: input.title,
  held_on: input.heldOn,
  participants: input.participants,
});

export async function recordTraining(db: Db, actor: Actor, input: TrainingInput): Promise<number> {
  const id = await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const row = await assessmentsDb(raw)
      .insertInto('assessments_trainings')
      .values(columns(input))
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'assessments.record-training',
      entityType: 'assessments_trainings',
      entityId: String(row.id),
      before: null,
      after: columns(input),
    });
    return row.id;
  });
  publicDataChanged();
  return id;
}

export async function updateTraining(
  db: Db,
  actor: Actor,
  id: number,
  input: TrainingInput & { version: number },
): Promise<Training> {
  const saved = await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const trx = assessmentsDb(raw);
    const before = await trx
      .selectFrom('assessments_trainings')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound();
    if (before.version !== input.version) throw conflict();
    await trx
      .updateTable('assessments_trainings')
      .set({ ...columns(input), version: before.version + 1 })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'assessments.update-training',
      entityType: 'assessments_trainings',
      entityId: String(id),
      before: { title: before.title, participants: before.participants, version: before.version },
      after: { ...columns(input), version: before.version + 1 },
    });
    const { body, title, heldOn, participants } = input;
    return { id, body, title, heldOn, participants, version: before.version + 1 };
  });
  publicDataChanged();
  return saved;
}
