/**
 * Reminders and escalation, as one command for the scheduler to run (any number of times a day): for
 * every active user, the work My work lists for them (every module's `work`); a reminder `daysBefore`
 * calendar days before an item's due date (or at the first run inside that window) and one on the
 * day, to the users the item is waiting for; and an item still waiting `escalateAfter` calendar days
 * after its due date escalated to the Human Rights Office (every officer). Calendar days, not working
 * days: the due dates are already the modules' own (working-day deadlines are counted there).
 *
 * Each reminder and escalation is sent once per item, stage and due date: a row in
 * `notifications_reminders` written in the same transaction as the notifications, so that a second run,
 * or a second app server running it at once, sends nothing again; a due date that moves is reminded
 * of anew. A reminder missed (the server was down) is not sent late once its moment has passed: the
 * "before" one only until the due date, the due-day one only on the day; the escalation catches up.
 */
import type { Kysely, Transaction } from 'kysely';
import type { WorkItem } from '../../shared/work.ts';
import type { AccountsTables } from '../accounts/tables.ts';
import { currentCity } from '../city/city.ts';
import { addCalendarDays, zonedClock } from '../city/clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db.ts';
import type { ServerModule } from '../module.ts';
import { workFor } from '../work/collect.ts';
import { notify } from './notify.ts';

export type ReminderStage = 'before' | 'due' | 'escalation';

type RemindersTables = {
  notifications_reminders: { item_key: string; stage: ReminderStage; due_on: string };
};

export interface ReminderSettings {
  /** A reminder this many calendar days before the due date (default 7). */
  daysBefore?: number;
  /** An item still waiting this many calendar days after its due date goes to the office (default 3). */
  escalateAfter?: number;
}

export const defaultReminderSettings = { daysBefore: 7, escalateAfter: 3 } as const;

/** The settings as configured (`REMINDER_DAYS_BEFORE`, `ESCALATION_DAYS_AFTER`), for the scheduler. */
export function reminderSettings(config: Pick<Config, 'REMINDER_DAYS_BEFORE' | 'ESCALATION_DAYS_AFTER'>) {
  return { daysBefore: config.REMINDER_DAYS_BEFORE, escalateAfter: config.ESCALATION_DAYS_AFTER };
}

export interface ReminderRun {
  today: string;
  /** Notifications written, by stage (a stage's one sending may reach several users). */
  sent: Record<ReminderStage, number>;
}

/** The stage an item is at on `today`, if any. */
export function reminderStage(
  dueOn: string,
  today: string,
  { daysBefore, escalateAfter }: Required<ReminderSettings>,
): ReminderStage | null {
  if (today === dueOn) return 'due';
  if (today < dueOn) return today >= addCalendarDays(dueOn, -daysBefore) ? 'before' : null;
  return today >= addCalendarDays(dueOn, escalateAfter) ? 'escalation' : null;
}

const stageTitle: Record<ReminderStage, (item: WorkItem, days: number) => { ko: string; en: string }> = {
  before: (item, days) => ({
    ko: `[${days}일 후 마감] ${item.action.ko}: ${item.title.ko}`,
    en: `[Due in ${days} days] ${item.action.en}: ${item.title.en}`,
  }),
  due: (item) => ({
    ko: `[오늘 마감] ${item.action.ko}: ${item.title.ko}`,
    en: `[Due today] ${item.action.en}: ${item.title.en}`,
  }),
  escalation: (item, days) => ({
    ko: `[기한 ${days}일 지남${item.departmentCode ? `, ${item.departmentCode}` : ''}] ${item.action.ko}: ${item.title.ko}`,
    en: `[${days} days overdue${item.departmentCode ? `, ${item.departmentCode}` : ''}] ${item.action.en}: ${item.title.en}`,
  }),
};

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export async function sendReminders(
  db: Db,
  modules: readonly ServerModule[],
  now: Date,
  settings: ReminderSettings = {},
): Promise<ReminderRun> {
  const chosen = { ...defaultReminderSettings, ...settings };
  const today = zonedClock(currentCity().timeZone, () => now).today();
  const users = await db
    .withTables<AccountsTables>()
    .selectFrom('accounts_users')
    .select(['id', 'role', 'department_code'])
    .where('disabled_at', 'is', null)
    .orderBy('id')
    .execute();

  // Each item once, with everyone it waits for (a department's item waits for each of its users).
  const due = new Map<
    string,
    { item: WorkItem & { dueOn: string }; stage: ReminderStage; userIds: string[] }
  >();
  for (const user of users) {
    const items = await workFor(db, modules, {
      user: { id: user.id, role: user.role, departmentCode: user.department_code },
      today,
    });
    for (const item of items) {
      if (item.dueOn === null) continue;
      const stage = reminderStage(item.dueOn, today, chosen);
      if (stage === null) continue;
      const id = `${item.key}\u0000${stage}\u0000${item.dueOn}`;
      const entry = due.get(id) ?? { item: { ...item, dueOn: item.dueOn }, stage, userIds: [] };
      entry.userIds.push(user.id);
      due.set(id, entry);
    }
  }

  const sent: Record<ReminderStage, number> = { before: 0, due: 0, escalation: 0 };
  for (const { item, stage, userIds } of due.values()) {
    await db.transaction().execute(async (trx) => {
      // The row first: if another run has sent this one, the insert finds it and nothing is sent.
      const claimed = await remindersDb(trx)
        .insertInto('notifications_reminders')
        .values({ item_key: item.key, stage, due_on: item.dueOn })
        .onConflict((oc) => oc.doNothing())
        .returning('item_key')
        .executeTakeFirst();
      if (!claimed) return;
      const days = Math.abs(daysBetween(today, item.dueOn));
      sent[stage] += await notify(trx, {
        kind: stage === 'escalation' ? 'work.escalation' : 'work.reminder',
        recipients: stage === 'escalation' ? { role: 'officer' } : { userIds },
        title: stageTitle[stage](item, days),
        path: item.path,
      });
    });
  }
  return { today, sent };
}

function remindersDb(trx: Transaction<object> | Kysely<object>) {
  return trx.withTables<RemindersTables>();
}
