/** The grants module's error codes, in Korean and English. */
import type { Bilingual } from '../../../kernel/shared/language.ts';

export const messages: Record<string, Bilingual> = {
  grants_profile_required: {
    ko: '신청하기 전에 단체 정보(이름, 등록번호, 유형)를 먼저 입력해 주세요.',
    en: 'Fill in your organisation’s profile (name, registration number, type) before applying.',
  },
  grants_call_closed: {
    ko: '이 공모는 지금 신청을 받지 않습니다(신청 기간: {opensOn}~{closesOn}).',
    en: 'This call is not taking applications now (open {opensOn} to {closesOn}).',
  },
  grants_not_eligible: {
    ko: '신청 자격 요건을 갖추지 못했습니다. 아래 항목을 고쳐 주세요.',
    en: 'The application does not meet the call’s eligibility rules; see each item below.',
  },
  grants_wrong_status: {
    ko: '신청서가 지금 상태({status})에서는 이 일을 할 수 없습니다.',
    en: 'This is not possible while the application is {status}.',
  },
  grants_budget_exceeded: {
    ko: '공모 예산을 넘습니다. 남은 예산은 {remaining} {currency}입니다.',
    en: 'This would exceed the call’s budget: {remaining} {currency} remain.',
  },
  grants_budget_below_awards: {
    ko: '예산을 이미 지원한 금액({awarded})보다 적게 줄일 수 없습니다.',
    en: 'The budget cannot fall below what has already been awarded ({awarded}).',
  },
  grants_rubric_in_use: {
    ko: '이미 심사 점수가 있어 평가 기준을 바꿀 수 없습니다.',
    en: 'Reviewers have already scored against this rubric; it cannot change.',
  },
  grants_declaration_required: {
    ko: '점수를 주기 전에 이 신청서에 대한 이해충돌 여부를 먼저 밝혀 주세요.',
    en: 'Declare whether you have a conflict of interest with this application before scoring it.',
  },
  grants_conflict_of_interest: {
    ko: '이해충돌을 밝힌 신청서는 심사할 수 없습니다.',
    en: 'You declared a conflict of interest with this application and cannot score it.',
  },
  grants_tranches_exceed_award: {
    ko: '지급 회차의 합계가 지원 금액을 넘습니다. 남은 금액은 {remaining}입니다.',
    en: 'The tranches would exceed the award: {remaining} remain.',
  },
  grants_attachment_type: {
    ko: '첨부 파일은 PDF, PNG, JPEG, WebP만 받습니다.',
    en: 'Attachments must be PDF, PNG, JPEG or WebP files.',
  },
  grants_attachment_size: {
    ko: '첨부 파일은 {megabytes}MB까지 받습니다(빈 파일 제외).',
    en: 'An attachment may be at most {megabytes} MB (and not empty).',
  },
  grants_attachment_count: {
    ko: '첨부 파일은 신청서 하나에 {max}개까지입니다.',
    en: 'An application takes at most {max} attachments.',
  },
};
