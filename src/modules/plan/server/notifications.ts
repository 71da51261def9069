/**
 * What the plan tells people: a task's lead department learns that the office returned its progress
 * report. The title names the task by its code and public title (the action plan is public).
 */
import type { Transaction } from 'kysely';
import type { NotificationKind } from '../../../kernel/server/module.ts';
import { notify } from '../../../kernel/server/notifications/notify.ts';

export const notificationKinds: readonly NotificationKind[] = [
  {
    kind: 'plan.report_returned',
    label: { ko: '반려된 부서 추진실적 보고', en: 'My department’s progress reports returned' },
  },
];

export async function notifyReportReturned(
  trx: Transaction<object>,
  task: { id: number; code: string; title_ko: string; title_en: string; lead_department: string },
  period: string,
  actorId: string,
): Promise<void> {
  await notify(trx, {
    kind: 'plan.report_returned',
    recipients: { departmentCode: task.lead_department },
    title: {
      ko: `추진실적 보고가 반려되었습니다: ${task.code} ${task.title_ko} (${period})`,
      en: `Your progress report was returned: ${task.code} ${task.title_en} (${period})`,
    },
    path: `/plan/staff/tasks/${task.id}`,
    exceptUserId: actorId,
  });
}
