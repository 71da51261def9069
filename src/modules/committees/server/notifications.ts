/**
 * What the committees tell people: committee members learn that a meeting's agenda is published. A
 * committee account is not tied to one body (every committee user reads every body's internal
 * matters, `policy.ts`), so every active committee user is told. The title names the meeting only.
 */
import type { Transaction } from 'kysely';
import type { NotificationKind } from '../../../kernel/server/module.ts';
import { notify } from '../../../kernel/server/notifications/notify.ts';

export const notificationKinds: readonly NotificationKind[] = [
  {
    kind: 'committees.agenda_published',
    label: { ko: '공개된 회의 안건', en: 'Meeting agendas published' },
  },
];

export async function notifyAgendaPublished(
  trx: Transaction<object>,
  meeting: { id: string; title: string },
  actorId: string | null,
): Promise<void> {
  await notify(trx, {
    kind: 'committees.agenda_published',
    recipients: { role: 'committee' },
    title: {
      ko: `회의 안건이 공개되었습니다: ${meeting.title}`,
      en: `A meeting’s agenda is published: ${meeting.title}`,
    },
    path: `/committees/meetings/${encodeURIComponent(meeting.id)}`,
    exceptUserId: actorId,
  });
}
