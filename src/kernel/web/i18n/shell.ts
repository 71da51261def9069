/** The texts of the app shell and the shared UI primitives. */
import type { Role } from '../../shared/roles.ts';
import { defineMessages, useText } from './index.ts';

export const shellNamespace = 'shell';

export const shellText = defineMessages(shellNamespace, {
  ko: {
    skipToContent: '본문 바로가기',
    siteName: '광주 인권도시 플랫폼',
    homeLink: '광주 인권도시 플랫폼 홈',
    mainMenu: '주 메뉴',
    staffMenu: '직원 메뉴',
    otherLanguage: 'English',
    otherLanguageCode: 'en',
    signIn: '로그인',
    signOut: '로그아웃',
    signedInAs: '{{name}}님 ({{role}})',
    footerAbout: '광주광역시 인권도시 체계를 운영하는 공개 소스 플랫폼 rightscity',
    apiDocs: 'API 문서',
    openData: '공공데이터',
    loading: '불러오는 중…',
    networkError: '서버에 연결할 수 없습니다. 네트워크를 확인한 뒤 다시 시도해 주세요.',
    notFoundTitle: '페이지를 찾을 수 없습니다',
    notFoundBody: '주소가 바뀌었거나 없는 페이지입니다. 주소를 확인하거나 홈에서 다시 찾아 주세요.',
    notAllowedTitle: '접근 권한이 없습니다',
    notAllowedBody:
      '이 페이지는 현재 역할({{role}})로 사용할 수 없습니다. 필요하면 관리자에게 문의해 주세요.',
    routeErrorTitle: '문제가 발생했습니다',
    routeErrorBody: '페이지를 표시하지 못했습니다. 새로 고친 뒤 다시 시도해 주세요.',
    backHome: '홈으로 가기',
    errorSummaryTitle: '문제가 있습니다',
    errorPrefix: '오류:',
    required: '필수',
    sortedAscending: '오름차순 정렬됨',
    sortedDescending: '내림차순 정렬됨',
    emptyTable: '표시할 항목이 없습니다.',
    roleAdmin: '관리자',
    roleOfficer: '인권 담당 공무원',
    roleDepartment: '부서 담당자',
    roleOmbudsman: '인권옴부즈맨',
    roleCommittee: '위원회 위원',
    roleOrganisation: '단체',
  },
  en: {
    skipToContent: 'Skip to content',
    siteName: 'Gwangju Human Rights City Platform',
    homeLink: 'Gwangju Human Rights City Platform home',
    mainMenu: 'Main menu',
    staffMenu: 'Staff menu',
    otherLanguage: '한국어',
    otherLanguageCode: 'ko',
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedInAs: '{{name}} ({{role}})',
    footerAbout: 'rightscity, the open-source platform that runs the human rights city systems of Gwangju',
    apiDocs: 'API documentation',
    openData: 'Open data',
    loading: 'Loading…',
    networkError: 'The server cannot be reached. Please check your network and try again.',
    notFoundTitle: 'Page not found',
    notFoundBody: 'This address has changed or never existed. Check the address, or start again from home.',
    notAllowedTitle: 'Not allowed',
    notAllowedBody: 'Your role ({{role}}) cannot use this page. Ask an administrator if you need it.',
    routeErrorTitle: 'Something went wrong',
    routeErrorBody: 'This page could not be shown. Please reload and try again.',
    backHome: 'Go to home',
    errorSummaryTitle: 'There is a problem',
    errorPrefix: 'Error:',
    required: 'required',
    sortedAscending: 'sorted ascending',
    sortedDescending: 'sorted descending',
    emptyTable: 'There is nothing to show.',
    roleAdmin: 'Administrator',
    roleOfficer: 'Human rights officer',
    roleDepartment: 'Department staff',
    roleOmbudsman: 'Ombudsman',
    roleCommittee: 'Committee member',
    roleOrganisation: 'Organisation',
  },
});

const roleKeys = {
  admin: 'roleAdmin',
  officer: 'roleOfficer',
  department: 'roleDepartment',
  ombudsman: 'roleOmbudsman',
  committee: 'roleCommittee',
  organisation: 'roleOrganisation',
} as const satisfies Record<Role, string>;

/** The name of a role in the current language. */
export function useRoleName(): (role: Role) => string {
  const t = useText(shellText);
  return (role) => t(roleKeys[role]);
}
