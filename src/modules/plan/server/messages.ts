/** The plan module's error codes, in Korean and English. */
import type { Bilingual } from '../../../kernel/shared/language.ts';

export const messages: Record<string, Bilingual> = {
  plan_report_not_submitted: {
    ko: '이 보고는 검토를 기다리는 상태가 아닙니다(지금: {state}).',
    en: 'This report is not waiting for review (it is {state}).',
  },
  plan_report_pending: {
    ko: '이 기간의 보고가 이미 {state} 상태입니다. 반려된 보고만 다시 낼 수 있습니다.',
    en: 'The report for this period is already {state}; only a returned report can be submitted again.',
  },
  plan_report_closed: {
    ko: '이 보고는 이미 {state} 상태여서 증빙 파일을 더할 수 없습니다. 반려된 보고는 다시 제출한 뒤에 파일을 붙여 주세요.',
    en: 'This report is already {state}, so it takes no more evidence files; after a return, attach them to the resubmitted report.',
  },
  plan_report_file_reviewed: {
    ko: '검토를 마친(승인 또는 반려된) 보고의 증빙 파일은 그 결정의 기록이라서 삭제할 수 없습니다.',
    en: 'The office has already reviewed this report (accepted or returned it): its evidence files are the record of that decision and cannot be removed.',
  },
  plan_report_file_earlier: {
    ko: '이 파일은 반려된 이전 차수 보고에서 이어받은 것이라 그 보고의 기록으로 남습니다. 삭제할 수 없습니다.',
    en: 'This file came with the earlier revision the office returned, and stays part of that record: it cannot be removed.',
  },
  plan_report_on_parent: {
    ko: '하위 과제가 있는 과제의 진척은 하위 과제에서 계산됩니다. 하위 과제에 보고해 주세요.',
    en: 'A task with sub-tasks takes its progress from them; report on the sub-tasks.',
  },
  plan_comment_not_found: {
    ko: '답할 의견이 이 과제(또는 연도)에 없습니다.',
    en: 'The comment to answer is not on this task (or year).',
  },
};
