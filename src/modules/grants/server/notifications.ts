/**
 * What the grants tell people: an organisation's users learn the office's decision on its
 * application (selected, rejected, awarded). The title names the application by its title, which is
 * the organisation's own; the amount and the reasons are on the application's page.
 */
import type { Transaction } from 'kysely';
import type { NotificationKind } from '../../../kernel/server/module.ts';
import { notify } from '../../../kernel/server/notifications/notify.ts';
import type { Bilingual } from '../../../kernel/shared/language.ts';

export const notificationKinds: readonly NotificationKind[] = [
  {
    kind: 'grants.application_decided',
    label: { ko: '지원 신청에 대한 결정', en: 'Decisions on my organisation’s applications' },
  },
];

const outcomes: Record<'selected' | 'rejected' | 'awarded', Bilingual> = {
  selected: { ko: '선정되었습니다', en: 'was selected' },
  rejected: { ko: '선정되지 않았습니다', en: 'was not selected' },
  awarded: { ko: '지원이 결정되었습니다', en: 'was awarded a grant' },
};

export async function notifyApplicationDecided(
  trx: Transaction<object>,
  application: { id: string; organisation_id: string; title: string; public_title: string | null },
  outcome: keyof typeof outcomes,
  actorId: string | null,
): Promise<void> {
  const title = application.public_title || application.title;
  await notify(trx, {
    kind: 'grants.application_decided',
    recipients: { userIds: [application.organisation_id] },
    title: {
      ko: `지원 신청이 ${outcomes[outcome].ko}: ${title}`,
      en: `Your application ${outcomes[outcome].en}: ${title}`,
    },
    path: `/grants/applications/${encodeURIComponent(application.id)}`,
    exceptUserId: actorId,
  });
}
