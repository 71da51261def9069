/**
 * The annual Human Rights City report, generated from live data: HTML for everyone, PDF for staff,
 * and `rightscity report` on the command line (`src/server/cli/report.ts`).
 */
import type { ServerModule } from '../module.ts';
import { reportRoutes } from './routes.ts';

export const reportModule: ServerModule = {
  name: 'report',
  messages: {
    report_chromium_missing: {
      ko: '이 서버에 Chromium이 없어 PDF를 만들 수 없습니다. HTML 보고서를 이용하거나 관리자에게 Chromium 설치를 요청해 주세요.',
      en: 'This server has no Chromium, so the PDF cannot be made. Use the HTML report, or ask the administrator to install Chromium.',
    },
  },
  routes: reportRoutes,
};
