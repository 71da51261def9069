/** The forum module's error codes, in Korean and English. */
import type { Bilingual } from '../../../kernel/shared/language.ts';

export const messages: Record<string, Bilingual> = {
  forum_edition_exists: {
    ko: '{year}년 포럼이 이미 있습니다.',
    en: 'The {year} forum already exists.',
  },
  forum_registration_closed: {
    ko: '{year}년 포럼은 지금 참가 신청을 받지 않습니다.',
    en: 'The {year} forum is not taking registrations now.',
  },
  forum_full: {
    ko: '{year}년 포럼의 참가 신청이 정원({capacity}명)에 찼습니다.',
    en: 'The {year} forum is full ({capacity} places).',
  },
  forum_already_registered: {
    ko: '이 이메일 주소로 {year}년 포럼에 이미 신청하셨습니다.',
    en: 'This e-mail address is already registered for the {year} forum.',
  },
};
