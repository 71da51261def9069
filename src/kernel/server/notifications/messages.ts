import type { Bilingual } from '../../shared/language.ts';

/** The notifications service's error codes and field messages, in both languages. */
export const notificationsMessages = {
  unknown_notification_kind: {
    ko: '알 수 없는 알림 종류입니다.',
    en: 'This is not a known kind of notification.',
  },
  duplicate_notification_kind: {
    ko: '같은 알림 종류가 두 번 있습니다.',
    en: 'The same kind of notification appears twice.',
  },
} satisfies Record<string, Bilingual>;
