/** The indicators module's error codes, in Korean and English. */
import type { Bilingual } from '../../../kernel/shared/language.ts';

export const messages: Record<string, Bilingual> = {
  indicators_year_locked: {
    ko: '{year}년 평가 주기가 종료되어 그 해의 자료는 읽기 전용입니다. 바꿀 수 없습니다.',
    en: 'The {year} cycle is closed and that year is read-only. It cannot be changed.',
  },
  indicators_cycle_exists: {
    ko: '{year}년 평가 주기가 이미 있습니다.',
    en: 'A cycle for {year} already exists.',
  },
  indicators_transition_not_allowed: {
    ko: '평가 주기가 지금 단계({step})에서는 이 일({action})을 할 수 없습니다.',
    en: 'This step ({action}) is not possible while the cycle is at {step}.',
  },
  indicators_step_closed: {
    ko: '평가 주기가 지금 단계({step})에서는 이 작업을 할 수 없습니다.',
    en: 'This cannot be done while the cycle is at {step}.',
  },
};
