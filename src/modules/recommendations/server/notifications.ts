/**
 * What the register tells people: a department's users learn that a recommendation is addressed to
 * them when it is issued, and when an edit adds their department. The title names the recommendation
 * by its source reference only: its text may speak of a case, and a notification may be mailed.
 */
import type { Transaction } from 'kysely';
import type { NotificationKind } from '../../../kernel/server/module.ts';
import { notify } from '../../../kernel/server/notifications/notify.ts';

export const addressedKind = 'recommendations.addressed';

export const notificationKinds: readonly NotificationKind[] = [
  {
    kind: addressedKind,
    label: { ko: '부서에 전달된 권고', en: 'Recommendations addressed to my department' },
  },
];

export async function notifyAddressed(
  trx: Transaction<object>,
  recommendation: { id: string; reference: string },
  departments: readonly string[],
  actorId: string | null,
): Promise<void> {
  if (departments.length === 0) return;
  await notify(trx, {
    kind: addressedKind,
    recipients: departments.map((departmentCode) => ({ departmentCode })),
    title: {
      ko: `부서에 권고가 전달되었습니다: ${recommendation.reference}`,
      en: `A recommendation is addressed to your department: ${recommendation.reference}`,
    },
    path: `/staff/recommendations/${recommendation.id}`,
    exceptUserId: actorId,
  });
}
