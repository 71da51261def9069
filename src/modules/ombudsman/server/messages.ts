/** The ombudsman module's error codes, in Korean and English. */
import type { Bilingual } from '../../../kernel/shared/language.ts';

export const messages: Record<string, Bilingual> = {
  ombudsman_transition_not_allowed: {
    ko: '사건이 지금 상태({status})에서는 이 단계({action})를 진행할 수 없습니다.',
    en: 'This step ({action}) is not possible while the case is in the state {status}.',
  },
  ombudsman_already_answered: {
    ko: '이미 회신한 요청입니다.',
    en: 'This request has already been answered.',
  },
  ombudsman_no_violation_found: {
    ko: '인권침해를 인정한 사건에만 권고할 수 있습니다.',
    en: 'Recommendations follow only a finding of violation.',
  },
  ombudsman_no_recommendations: {
    ko: '보낼 권고가 없습니다. 먼저 권고를 작성해 주세요.',
    en: 'There are no recommendations to issue. Write one first.',
  },
  ombudsman_attachment_window_closed: {
    ko: '첨부파일은 접수 후 {hours}시간 안에만 보낼 수 있습니다. 담당자에게 연락해 주세요.',
    en: 'Files can be sent only within {hours} hours of filing. Please contact the office.',
  },
  ombudsman_attachment_size: {
    ko: '첨부파일은 비어 있지 않고 {megabytes}MB 이하여야 합니다.',
    en: 'A file must not be empty and at most {megabytes} MB.',
  },
  ombudsman_attachment_type: {
    ko: 'PDF, PNG, JPEG, WebP 파일만 보낼 수 있습니다.',
    en: 'Only PDF, PNG, JPEG and WebP files can be sent.',
  },
  ombudsman_attachment_count: {
    ko: '한 사건에 첨부파일은 {max}개까지입니다.',
    en: 'A case can have at most {max} files.',
  },
  ombudsman_attachment_total: {
    ko: '한 사건의 첨부파일은 모두 합쳐 {megabytes}MB까지입니다.',
    en: "A case's files can add up to at most {megabytes} MB.",
  },
  ombudsman_own_appointment: {
    ko: '자신의 위촉은 확인할 수 없습니다. 다른 사람이 확인해야 합니다.',
    en: 'Nobody can confirm their own appointment: someone else must.',
  },
  ombudsman_proposer_cannot_confirm: {
    ko: '위촉을 제안한 사람은 확인할 수 없습니다. 다른 사람이 확인해야 합니다.',
    en: 'The person who proposed an appointment cannot confirm it: someone else must.',
  },
  ombudsman_standing_ombudsman_confirms: {
    ko: '재임 중인 상임 인권옴부즈맨이 있으면 그가 위촉을 확인합니다.',
    en: 'While a standing ombudsman is in office, they confirm appointments.',
  },
  ombudsman_appointment_not_pending: {
    ko: '확인을 기다리는 위촉이 아닙니다.',
    en: 'This appointment is not waiting for confirmation.',
  },
  ombudsman_appointment_not_confirmed: {
    ko: '확인된 위촉만 종료할 수 있습니다. 확인 전의 위촉은 철회해 주세요.',
    en: 'Only a confirmed appointment can be ended; withdraw one that is still pending.',
  },
  ombudsman_appointment_withdrawn: {
    ko: '이미 철회된 위촉입니다.',
    en: 'This appointment has already been withdrawn.',
  },
  ombudsman_recommendation_closed: {
    ko: '후속 조치가 종결된 권고입니다. 더 이상 이행 보고를 받지 않습니다.',
    en: 'The follow-up of this recommendation is closed; it takes no more implementation reports.',
  },
  ombudsman_recommendation_not_answered: {
    ko: '권고에 먼저 회신(수용 여부)해 주세요. 이행 보고는 회신 다음에 합니다.',
    en: 'Answer the recommendation (accept or not) first; implementation reports follow the answer.',
  },
  ombudsman_opening_unknown: {
    ko: '사건 열람이 만료되었습니다. 열람 목적을 적고 다시 열어 주세요.',
    en: 'This opening of the case file has expired. Give the purpose and open it again.',
  },
};
