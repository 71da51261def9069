/** The committees module's error codes, in Korean and English. */
import type { Bilingual } from '../../../kernel/shared/language.ts';

export const messages: Record<string, Bilingual> = {
  committees_seats_full: {
    ko: '이 기구의 정원({seats}명)이 모두 찼습니다. 임기가 겹치는 위원이 정원을 넘을 수 없습니다.',
    en: 'All {seats} seats of this body are taken for that term; a body cannot seat more members than it has seats.',
  },
  committees_minutes_not_approved: {
    ko: '회의록은 승인된 뒤에만 공개할 수 있습니다.',
    en: 'Minutes can be published only after they are approved.',
  },
  committees_minutes_transition: {
    ko: '회의록이 지금 상태({status})에서는 이 단계를 진행할 수 없습니다.',
    en: 'The minutes cannot take this step while they are {status}.',
  },
  committees_agenda_file_published: {
    ko: '안건이 이미 공개되어 이 자료는 공개 기록의 일부입니다. 공개 뒤에는 삭제할 수 없습니다.',
    en: 'The agenda is already published, so this document is part of the public record: it cannot be removed after publication.',
  },
  committees_recommendation_closed: {
    ko: '이미 종결된 권고입니다.',
    en: 'This recommendation is already closed.',
  },
  committees_registration_closed: {
    ko: '이 회의는 참가 신청을 받지 않습니다.',
    en: 'This meeting does not take registrations.',
  },
  committees_registration_not_found: {
    ko: '취소 코드에 맞는 신청이 없습니다. 이미 취소되었거나 코드가 틀렸습니다.',
    en: 'No registration matches this cancellation code; it may already be cancelled, or the code is wrong.',
  },
};
