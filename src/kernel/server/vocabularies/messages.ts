/** The vocabularies' messages: problem codes (catalogue) and per-field messages of their rules. */
import type { Bilingual } from '../../shared/language.ts';

export const messages = {
  term_in_use: {
    ko: '기록 {count}건에 이 용어가 붙어 있어 삭제할 수 없습니다. 먼저 그 기록들에서 용어를 떼어 주세요.',
    en: '{count} records are tagged with this term, so it cannot be deleted. Remove it from those records first.',
  },
} satisfies Record<string, Bilingual>;

export const fieldMessages = {
  right_code_taken: { ko: '이미 있는 코드입니다.', en: 'This code is already in use.' },
  right_number_taken: {
    ko: '같은 번호의 조항이 이미 있습니다.',
    en: 'There is already an article with this number.',
  },
} satisfies Record<string, Bilingual>;
