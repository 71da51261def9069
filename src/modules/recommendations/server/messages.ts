/** The recommendations module's error codes, in Korean and English. */
import type { Bilingual } from '../../../kernel/shared/language.ts';

export const messages: Record<string, Bilingual> = {
  recommendations_transition_not_allowed: {
    ko: '권고가 지금 상태({status})에서는 이 단계({action})를 진행할 수 없습니다.',
    en: 'This step ({action}) is not possible while the recommendation is in the state {status}.',
  },
  recommendations_already_answered: {
    ko: '이 부서는 이미 회신했습니다.',
    en: 'This department has already answered.',
  },
  recommendations_not_editable: {
    ko: '이행되었거나 종결된 권고는 고칠 수 없습니다.',
    en: 'A recommendation that has been implemented or closed cannot be edited.',
  },
  recommendations_historical: {
    ko: '자료집에서 불러온 과거 권고는 데이터셋에서만 고칩니다.',
    en: 'A historical recommendation loaded from the seed is corrected in the dataset only.',
  },
  recommendations_links_not_now: {
    ko: '부서는 회신했거나 이행 중인 권고에만 과제와 지표를 연결할 수 있습니다(지금 상태: {status}).',
    en: 'A department links tasks and indicators only once the recommendation is answered or being implemented (now: {status}).',
  },
};

export const fieldMessages = {
  unknownDepartment: { ko: '없는 부서입니다.', en: 'No such department.' },
  notAddressed: {
    ko: '이 권고를 받은 부서가 아닙니다.',
    en: 'This recommendation is not addressed to this department.',
  },
  departmentsFixed: {
    ko: '회신이 시작된 뒤에는 받는 부서를 바꿀 수 없습니다.',
    en: 'The departments cannot change once a department has answered.',
  },
  publicBySource: {
    ko: '이 권고의 공개 여부는 출처의 규칙(회의록 공개, 옴부즈맨의 요약 공개)을 따릅니다.',
    en: "This recommendation's publication follows its source's rule (published minutes, the ombudsman's summary).",
  },
  ombudsmanSummary: {
    ko: '인권옴부즈맨의 권고는 옴부즈맨이 익명 요약을 공개할 때에만 공개됩니다.',
    en: "An ombudsman's recommendation is public only once the ombudsman publishes an anonymised summary.",
  },
  dueOrder: {
    ko: '이행 기한은 회신 기한보다 빠를 수 없습니다.',
    en: 'The implementation cannot be due before the answer.',
  },
  unknownTask: { ko: '없는 시행계획 과제입니다.', en: 'No such action-plan task.' },
  unknownIndicator: { ko: '없는 인권지표입니다.', en: 'No such indicator.' },
} satisfies Record<string, Bilingual>;
