/** The texts of a qualitative indicator's public questionnaire page. */
import { defineMessages } from '../../../kernel/web/i18n/index.ts';

export const questionnaireText = defineMessages('indicators-questionnaire', {
  ko: {
    title: '설문: {{title}}',
    lead: '광주광역시 인권지표 {{code}} "{{indicator}}"의 {{year}}년 설문입니다. 이름이나 연락처는 묻지 않으며, 응답은 익명으로 모아 통계로만 씁니다. 답하고 싶은 질문에만 답해도 됩니다.',
    closed: '이 설문은 지금 응답을 받지 않습니다.',
    answeredAlready:
      '이 브라우저에서 이미 이 설문에 응답하셨습니다. 설문 하나에는 한 번만 응답할 수 있습니다.',
    invitationNeeded:
      '이 설문은 초대받은 분만 개인 응답 링크로 응답할 수 있습니다. 받은 링크를 그대로 열어 주세요. 아래에서 결과는 누구나 볼 수 있습니다.',
    personalLink:
      '개인 응답 링크로 응답합니다. 링크 하나로 한 번만 응답할 수 있으며, 응답에는 어느 링크로 보냈는지 남지 않습니다.',
    oncePerBrowser: '한 사람이 한 번만 응답해 주세요. 이 브라우저에서는 한 번만 응답할 수 있습니다.',
    likertHint: '1은 "전혀 그렇지 않다", 5는 "매우 그렇다"입니다.',
    multipleHint: '해당하는 것을 모두 고르세요.',
    answer: '답',
    submit: '응답 보내기',
    thanks: '응답해 주셔서 고맙습니다. 응답이 기록되었습니다.',
    resultsTitle: '지금까지의 결과',
    resultsLead: '응답이 5건보다 적은 항목은 "5건 미만"으로만 보여 드립니다. 자유 응답은 공개하지 않습니다.',
    responses: '응답 수: {{count}}',
    fewer: '5건 미만',
    noAnswers: '응답 없음',
    mean: '평균 점수: {{mean}}',
    option: '선택지',
    count: '응답 수',
    countsCaption: '{{prompt}}: 선택지별 응답 수',
    textNotShown: '자유 응답은 공개하지 않습니다.',
  },
  en: {
    title: 'Questionnaire: {{title}}',
    lead: 'The {{year}} questionnaire of Gwangju\'s human rights indicator {{code}}, "{{indicator}}". No name or contact is asked for; answers are collected anonymously and used only as statistics. Answer only the questions you wish to.',
    closed: 'This questionnaire is not taking answers now.',
    answeredAlready:
      'You have already answered this questionnaire from this browser. Each questionnaire takes one answer per person.',
    invitationNeeded:
      'This questionnaire is answered by invitation only, through a personal answer link: open the link exactly as you received it. Anyone may read the results below.',
    personalLink:
      'You are answering through your personal link. It takes one answer, and the answer keeps no trace of which link sent it.',
    oncePerBrowser: 'Please answer once per person: this browser can send one answer.',
    likertHint: '1 means "not at all", 5 means "very much".',
    multipleHint: 'Choose all that apply.',
    answer: 'Answer',
    submit: 'Send my answers',
    thanks: 'Thank you: your answers are recorded.',
    resultsTitle: 'Results so far',
    resultsLead:
      'Anything with fewer than five answers is shown only as "fewer than 5". Free-text answers are not published.',
    responses: 'Responses: {{count}}',
    fewer: 'fewer than 5',
    noAnswers: 'no answers',
    mean: 'Mean score: {{mean}}',
    option: 'Option',
    count: 'Answers',
    countsCaption: '{{prompt}}: answers per option',
    textNotShown: 'Free-text answers are not published.',
  },
});
