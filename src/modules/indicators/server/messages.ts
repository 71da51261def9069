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
  indicators_not_qualitative: {
    ko: '지표 {code}는 정성 지표가 아니어서 설문지를 둘 수 없습니다. 먼저 지표의 종류를 정성으로 바꾸세요.',
    en: 'Indicator {code} is not qualitative, so it has no questionnaire. Set its kind to qualitative first.',
  },
  indicators_questionnaire_answered: {
    ko: '이미 응답이 있는 설문지는 고칠 수 없습니다.',
    en: 'A questionnaire that has responses cannot be changed.',
  },
  indicators_questionnaire_closed: {
    ko: '이 설문은 지금 응답을 받지 않습니다. 평가 주기의 자료 수집 단계에만 응답할 수 있습니다.',
    en: 'This questionnaire is not taking answers now: answers are taken during the data collection step.',
  },
  indicators_questionnaire_already_answered: {
    ko: '이 브라우저에서 이미 이 설문에 응답했습니다. 설문 하나에는 한 번만 응답할 수 있습니다.',
    en: 'This browser has already answered this questionnaire. Each questionnaire takes one answer per person.',
  },
  indicators_invitation_required: {
    ko: '이 설문은 개인 응답 링크로만 응답할 수 있습니다. 받은 링크로 다시 열어 주세요.',
    en: 'This questionnaire takes answers only through a personal answer link. Open it again from the link you received.',
  },
  indicators_invitation_used: {
    ko: '이 개인 응답 링크는 이미 사용되었습니다. 링크 하나로는 한 번만 응답할 수 있어 이 응답은 저장하지 않았습니다.',
    en: 'This personal answer link has already been used. A link takes one answer, so this answer was not saved.',
  },
  indicators_invitation_revoked: {
    ko: '이 개인 응답 링크는 취소되었습니다. 응답은 저장하지 않았습니다. 설문을 보낸 부서에 문의하세요.',
    en: 'This personal answer link has been revoked, and the answer was not saved. Ask the office that sent it.',
  },
  indicators_invitation_unknown: {
    ko: '이 개인 응답 링크는 이 설문의 링크가 아닙니다. 응답은 저장하지 않았습니다. 받은 링크를 그대로 여세요.',
    en: 'This personal answer link does not belong to this questionnaire, and the answer was not saved. Open the link exactly as you received it.',
  },
  indicators_questionnaire_not_invited: {
    ko: '이 설문은 링크를 가진 누구나 응답하는 설문이어서 개인 응답 링크를 쓰지 않습니다.',
    en: 'This questionnaire is open to anyone with its link: it has no personal answer links.',
  },
  indicators_too_few_responses: {
    ko: '응답이 {minimum}건보다 적어 결과를 공개 자료로 만들 수 없습니다.',
    en: 'Fewer than {minimum} responses: the results cannot become public data.',
  },
  indicators_report_not_issued: {
    ko: '{year}년 평가 보고서는 아직 시민위원회에 보고되지 않았습니다.',
    en: 'The {year} assessment report has not been issued to the committee yet.',
  },
  indicators_year_open: {
    ko: '{year}년 평가 주기는 아직 종료되지 않았습니다. 값은 자료 입력에서 고치세요. 정정은 종료된 해에만 합니다.',
    en: 'The {year} cycle is not closed: change the value by entering it. Corrections are for closed years.',
  },
  indicators_action_finished: {
    ko: '이 보완 조치는 끝났습니다(상태: {status}). 취소된 조치나, 종료된 해의 완료된 조치는 바꿀 수 없습니다.',
    en: 'This action is finished ({status}): a cancelled action, or a done one of a closed year, cannot change.',
  },
};
