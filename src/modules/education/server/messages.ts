/** The education module's error codes, in Korean and English. */
import type { Bilingual } from '../../../kernel/shared/language.ts';

export const messages: Record<string, Bilingual> = {
  education_unknown_group: {
    ko: '없는 교육 대상 집단입니다.',
    en: 'There is no such target group.',
  },
  education_sheet_invalid: {
    ko: '출석부에 문제가 있어 아무것도 올리지 않았습니다. 표시된 행과 열을 고쳐 다시 올려 주세요.',
    en: 'The attendance sheet has problems, so nothing was imported. Correct the rows and columns named and upload it again.',
  },
};

export const fieldMessages = {
  unknownGroup: { ko: '없는 교육 대상 집단입니다.', en: 'There is no such target group.' },
} satisfies Record<string, Bilingual>;
