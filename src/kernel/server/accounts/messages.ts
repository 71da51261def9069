import type { Bilingual } from '../../shared/language.ts';

/** The accounts service's error codes, in both languages. */
export const accountsMessages: Record<string, Bilingual> = {
  invalid_credentials: {
    ko: '이메일 또는 비밀번호(또는 인증 코드)가 올바르지 않습니다.',
    en: 'The email, password or authentication code is not correct.',
  },
  totp_required: {
    ko: '인증 앱에 표시된 6자리 코드를 입력해 주세요.',
    en: 'Please enter the 6-digit code shown in your authenticator app.',
  },
  totp_enrolment_required: {
    ko: '이 계정은 2단계 인증을 먼저 등록해야 합니다.',
    en: 'This account must set up two-step verification first.',
  },
  csrf_failed: {
    ko: '요청을 확인할 수 없습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.',
    en: 'This request could not be verified. Please reload the page and try again.',
  },
  email_taken: {
    ko: '이미 사용 중인 이메일입니다.',
    en: 'This email is already in use.',
  },
  last_admin: {
    ko: '활성 관리자가 최소 한 명은 있어야 합니다.',
    en: 'At least one active administrator must remain.',
  },
  totp_already_enabled: {
    ko: '2단계 인증이 이미 켜져 있습니다. 새로 등록하려면 먼저 끄세요.',
    en: 'Two-step verification is already on. Turn it off first to set it up again.',
  },
  totp_not_set_up: {
    ko: '먼저 2단계 인증 설정을 시작해 주세요.',
    en: 'Please start the two-step verification set-up first.',
  },
  totp_reset_own: {
    ko: '자신의 2단계 인증은 초기화할 수 없습니다. 다른 관리자에게 요청해 주세요.',
    en: 'You cannot reset your own two-step verification. Ask another administrator.',
  },
  totp_required_for_role: {
    ko: '이 역할은 2단계 인증을 끌 수 없습니다.',
    en: 'Two-step verification cannot be turned off for this role.',
  },
};

/** Messages of rules that concern one field (shown beside it). */
export const fieldMessages = {
  wrong_password: { ko: '현재 비밀번호가 올바르지 않습니다.', en: 'The current password is not correct.' },
  invalid_totp: { ko: '인증 코드가 올바르지 않습니다.', en: 'The authentication code is not correct.' },
  password_too_short: {
    ko: '비밀번호는 12자 이상이어야 합니다.',
    en: 'The password must be at least 12 characters long.',
  },
  invalid_email: { ko: '올바른 이메일 주소가 아닙니다.', en: 'This is not a valid email address.' },
  department_required: {
    ko: '부서 역할에는 부서 코드가 필요합니다.',
    en: 'The department role needs a department code.',
  },
} satisfies Record<string, Bilingual>;
