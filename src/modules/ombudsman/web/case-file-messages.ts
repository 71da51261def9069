/**
 * The texts of the case file's written parts: the decision (facts, grounds, signatory), the due date
 * of a recommendation, reopening, correcting the case's particulars, and the timeline's details.
 */
import { defineMessages } from '../../../kernel/web/i18n/index.ts';

export const caseFileText = defineMessages('ombudsman-case-file', {
  ko: {
    facts: '인정 사실',
    factsHint:
      '조사로 인정한 사실을 결정문에 들어갈 그대로 적어 주세요. 진정서의 문장과 따로 적으며, 이름은 결정문에 쓸 곳에만 적습니다.',
    grounds: '판단',
    groundsHint: '결정의 이유와 근거(법령, 인권 기준)를 적어 주세요.',
    recommendationDue: '회신 기한',
    recommendationDueHint:
      '비워 두면 권고를 발송할 때 기본 기한이 정해집니다. 오늘 이전 날짜는 받지 않습니다.',
    requestDueHint: '비워 두면 기본 기한이 정해집니다. 오늘 이전 날짜는 받지 않습니다.',
    reopenReason: '재개 사유',
    decisionTitle: '결정',
    decidedAt: '결정일',
    signatory: '결정한 사람',
    standingOmbudsman: '상임 인권옴부즈맨 {{name}}',
    nonStandingOmbudsman: '비상임 인권옴부즈맨 {{name}}',
    details: '내용',
    editTitle: '사건 정보 수정',
    editLead:
      '접수 뒤에 알게 된 사실이나 분류를 바로잡습니다. 진정인이 쓴 진정 내용은 바꾸지 않습니다. 바꾼 내용과 바꾸기 전 내용은 사건 이력에 남습니다.',
    editSave: '수정 저장',
    edited: '사건 정보를 수정했습니다.',
    editNothing: '바뀐 내용이 없습니다.',
    summary: '사건 요지',
    respondent: '피진정인(기관)',
    respondentType: '피진정인 유형',
    rights: '관련 인권',
    rightsHint: '해당하는 권리를 모두 고르세요.',
    occurredOn: '일어난 날',
    occurredPlace: '일어난 곳',
    changedFields: '바꾼 항목: {{fields}}',
    before: '바꾸기 전: {{values}}',
    conflict: '그 사이에 다른 사람이 사건을 바꾸었습니다. 최신 내용을 불러온 뒤 다시 저장해 주세요.',
    reload: '최신 내용 불러오기',
  },
  en: {
    facts: 'Facts',
    factsHint:
      'The facts the investigation established, as the decision will state them: written apart from the complaint, with names only where the decision is to give them.',
    grounds: 'Grounds',
    groundsHint: 'The reasons for the decision and what they rest on (law, human rights standards).',
    recommendationDue: 'Answer due by',
    recommendationDueHint:
      'Left empty, the default time is given when the recommendations are issued. A date before today is refused.',
    requestDueHint: 'Left empty, the default time is given. A date before today is refused.',
    reopenReason: 'Reason for reopening',
    decisionTitle: 'Decision',
    decidedAt: 'Decided on',
    signatory: 'Decided by',
    standingOmbudsman: '{{name}}, Standing Human Rights Ombudsman',
    nonStandingOmbudsman: '{{name}}, Non-standing Human Rights Ombudsman',
    details: 'Details',
    editTitle: 'Correct the case details',
    editLead:
      "Put right what intake got wrong or did not know, and classify the case. The complainant's own account is not changed. What was changed, and what it was before, stays in the history.",
    editSave: 'Save the corrections',
    edited: 'The case details were corrected.',
    editNothing: 'Nothing was changed.',
    summary: 'Summary',
    respondent: 'Respondent',
    respondentType: 'Kind of respondent',
    rights: 'Rights concerned',
    rightsHint: 'Choose every right concerned.',
    occurredOn: 'Happened on',
    occurredPlace: 'Happened at',
    changedFields: 'Changed: {{fields}}',
    before: 'Before: {{values}}',
    conflict: 'Someone changed the case meanwhile. Load the latest version, then save again.',
    reload: 'Load the latest version',
  },
});
