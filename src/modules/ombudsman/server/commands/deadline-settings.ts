/** The deadline clocks per stage, in days: the defaults below until admins or officers change them. */
import { sql } from 'kysely';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import type { DeadlineSettings } from '../../contract.ts';
import { type OmbudsmanDb, type OmbudsmanTrx, ombudsmanTrx } from '../tables.ts';

const keys = {
  daysToAssessment: 'days_to_assessment',
  daysToDecision: 'days_to_decision',
  daysForDepartmentAnswer: 'days_for_department_answer',
} as const satisfies Record<keyof DeadlineSettings, string>;

/** Two weeks to decide admissibility, three months to a decision, a month for a department's answer. */
export const defaultDeadlines: DeadlineSettings = {
  daysToAssessment: 14,
  daysToDecision: 90,
  daysForDepartmentAnswer: 30,
};

export async function readDeadlineSettings(reader: OmbudsmanDb | OmbudsmanTrx): Promise<DeadlineSettings> {
  const rows = await reader.selectFrom('ombudsman_settings').select(['key', 'days']).execute();
  const byKey = new Map(rows.map((row) => [row.key, row.days]));
  return {
    daysToAssessment: byKey.get(keys.daysToAssessment) ?? defaultDeadlines.daysToAssessment,
    daysToDecision: byKey.get(keys.daysToDecision) ?? defaultDeadlines.daysToDecision,
    daysForDepartmentAnswer:
      byKey.get(keys.daysForDepartmentAnswer) ?? defaultDeadlines.daysForDepartmentAnswer,
  };
}

export async function updateDeadlineSettings(
  db: Db,
  actor: Actor,
  input: DeadlineSettings,
): Promise<DeadlineSettings> {
  return runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = ombudsmanTrx(plain);
    const before = await readDeadlineSettings(trx);
    for (const [name, key] of Object.entries(keys) as [keyof DeadlineSettings, string][]) {
      await trx
        .insertInto('ombudsman_settings')
        .values({ key, days: input[name] })
        .onConflict((conflict) =>
          conflict.column('key').doUpdateSet({
            days: input[name],
            version: sql<number>`ombudsman_settings.version + 1`,
            updated_at: sql<Date>`now()`,
          }),
        )
        .execute();
    }
    await audit({
      action: 'ombudsman.update-deadline-settings',
      entityType: 'ombudsman_settings',
      entityId: 'deadlines',
      before,
      after: input,
    });
    return input;
  });
}
