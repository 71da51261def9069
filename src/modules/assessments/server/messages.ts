/** The assessments module's error codes, in Korean and English. */
import type { Bilingual } from '../../../kernel/shared/language.ts';

export const messages: Record<string, Bilingual> = {
  assessments_transition_not_allowed: {
    ko: '평가가 지금 단계({step})에서는 이 일({action})을 할 수 없습니다.',
    en: 'This step ({action}) is not possible while the assessment is at {step}.',
  },
  assessments_wrong_step: {
    ko: '평가가 지금 단계({step})에서는 이 작업을 할 수 없습니다.',
    en: 'This cannot be done while the assessment is at {step}.',
  },
  assessments_template_exists: {
    ko: '같은 키({key})의 평가표가 이미 있습니다.',
    en: 'A template with the key {key} already exists.',
  },
  assessments_template_kind_mismatch: {
    ko: '이 평가표는 다른 종류의 대상을 위한 것입니다.',
    en: 'This template is for another kind of subject.',
  },
  assessments_responses_missing: {
    ko: '모든 권고에 부서의 답변이 있어야 합니다.',
    en: 'Every recommendation needs the department’s response first.',
  },
  assessments_no_recommendations: {
    ko: '권고를 하나 이상 적어야 합니다.',
    en: 'Write at least one recommendation first.',
  },
};
