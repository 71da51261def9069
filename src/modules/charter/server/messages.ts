/** The charter module's error codes, in Korean and English. */
import type { Bilingual } from '../../../kernel/shared/language.ts';

export const messages: Record<string, Bilingual> = {
  charter_contest_year_taken: {
    ko: '{year}년 공모전이 이미 있습니다.',
    en: 'There is already a contest for {year}.',
  },
  charter_contest_not_open: {
    ko: '접수 중인 공모전에만 응모작을 등록할 수 있습니다.',
    en: 'Entries can be added only while the contest is open.',
  },
  charter_contest_not_judging: {
    ko: '심사 중인 공모전의 응모작만 심사할 수 있습니다.',
    en: 'Entries can be judged only while the contest is being judged.',
  },
  charter_status_not_allowed: {
    ko: '공모전을 {from} 상태에서 {to} 상태로 바꿀 수 없습니다.',
    en: 'A contest cannot go from {from} to {to}.',
  },
};

export const fieldMessages = {
  publicationCodeTaken: { ko: '이미 쓰는 코드입니다.', en: 'This code is already in use.' },
  exhibitionOrder: {
    ko: '전시 종료일은 시작일보다 빠를 수 없습니다.',
    en: 'The exhibition cannot end before it starts.',
  },
} satisfies Record<string, Bilingual>;
