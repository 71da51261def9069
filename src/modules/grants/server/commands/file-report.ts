/**
 * Reports of an awarded organisation: activity reports while the project runs (for a neighbourhood
 * the kinds of activity seed 2.6 names, the activists' monthly meetings and the year-end
 * presentation; for a collaboration project its programmes and products), then one final report,
 * which completes the grant.
 */
import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { fieldError } from '../../../../kernel/server/errors.ts';
import {
  type ActivityKind,
  collaborationActivities,
  neighbourhoodActivities,
  type ReportInput,
} from '../../contract.ts';
import { requireApplicant } from '../policy.ts';
import { loadApplicationRow, loadCallRow } from '../queries.ts';
import { grantsTrx } from '../tables.ts';
import { requireStep } from '../workflow.ts';

export async function fileReport(
  db: Db,
  user: SessionUser,
  actor: Actor,
  applicationId: string,
  input: ReportInput,
): Promise<{ id: string }> {
  return runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = grantsTrx(plain);
    const application = await loadApplicationRow(trx, applicationId, { forUpdate: true });
    requireApplicant(user, application);
    requireStep(input.kind === 'final' ? 'finalReport' : 'report', application.status);
    const call = await loadCallRow(trx, application.call_id);
    const allowed: readonly ActivityKind[] =
      call.kind === 'neighbourhood' ? neighbourhoodActivities : collaborationActivities;
    if (input.kind === 'activity' && (input.activity === null || !allowed.includes(input.activity))) {
      throw fieldError('body.activity', 'activity_kind', {
        ko: '이 사업의 활동 종류를 골라 주세요.',
        en: 'Choose one of this programme’s kinds of activity.',
      });
    }
    const id = randomUUID();
    await trx
      .insertInto('grants_reports')
      .values({
        id,
        application_id: applicationId,
        kind: input.kind,
        activity: input.kind === 'final' ? null : input.activity,
        held_on: input.heldOn,
        participants: input.participants,
        summary: input.summary,
      })
      .execute();
    if (input.kind === 'final') {
      await trx
        .updateTable('grants_applications')
        .set({ status: 'completed', version: application.version + 1, updated_at: new Date() })
        .where('id', '=', applicationId)
        .execute();
    }
    await audit({
      action: input.kind === 'final' ? 'grants.file-final-report' : 'grants.file-activity-report',
      entityType: 'grants_reports',
      entityId: id,
      after: { applicationId, kind: input.kind, activity: input.activity, heldOn: input.heldOn },
    });
    return { id };
  });
}
