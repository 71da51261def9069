// What is written is kept and shown, in Chromium and by keyboard: a citizen's receipt confirms the
// files received; a department reports implementation twice with evidence and sees both in its inbox;
// the ombudsman sees both on the case page. No page has a duplicate id; axe in both languages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  type Account,
  checkAccessibility,
  type Harness,
  signIn,
  startHarness,
  waitForHeading,
  waitForLoaded,
} from '../../../kernel/web/e2e/harness.ts';
import type { CaseView } from '../contract.ts';
import { type ApiClient, appointStanding, publicApi, signInApi } from './api-client.ts';
import { tabTo } from './keyboard.ts';

const pdf = Buffer.from('%PDF-1.4\n%evidence of implementation\n');
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

async function assertUniqueIds(page: Page, where: string): Promise<void> {
  const duplicates = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const element of document.querySelectorAll('[id]'))
      seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
    return [...seen].filter(([, count]) => count > 1).map(([id]) => id);
  });
  assert.deepEqual(duplicates, [], `duplicate ids on ${where}`);
}

async function step(client: ApiClient, id: string, input: Record<string, unknown>): Promise<void> {
  const view = await client.call<CaseView>('GET', `/ombudsman/cases/${id}?purpose=test%20setup`);
  await client.call('POST', `/ombudsman/cases/${id}/transitions`, { ...input, version: view.version });
}

describe('follow-up and receipts in the browser', () => {
  let harness: Harness;
  let ombudsman: Account;
  let department: Account;
  let caseId = '';
  let receipt = '';

  before(async () => {
    harness = await startHarness();
    ombudsman = await harness.createAccount('ombudsman', '정보호관');
    department = await harness.createAccount('department', '이부서');
    const standing = await signInApi(harness.baseUrl, ombudsman);
    await appointStanding(harness, standing);
    const filed = await publicApi(harness.baseUrl)<{ receiptNumber: string }>(
      'POST',
      '/ombudsman/complaints',
      {
        complainant: { name: '응우옌', phone: '010-2222-3333' },
        respondent: '북구 고용센터',
        respondentType: 'district',
        summary: '외국인 노동자에게 통역을 주지 않았습니다',
        description: '통역 없이 상담을 받았습니다.',
        consent: true,
      },
    );
    receipt = filed.receiptNumber;
    const list = await standing.call<{ cases: { id: string; receiptNumber: string }[] }>(
      'GET',
      `/ombudsman/cases?q=${encodeURIComponent('통역')}`,
    );
    caseId = list.cases.find((item) => item.receiptNumber === receipt)?.id ?? '';
    for (const input of [
      { action: 'start_assessment' },
      { action: 'admit' },
      {
        action: 'decide',
        outcome: 'violation_found',
        facts: '고용센터는 통역 없이 상담하였다.',
        grounds: '언어를 이유로 한 차별이다.',
      },
      { action: 'recommend', departmentCode: 'TEST-DEPT', body: '민원 창구에 통역 서비스를 마련하십시오.' },
      { action: 'issue_recommendations' },
    ]) {
      await step(standing, caseId, input);
    }
    const answering = await signInApi(harness.baseUrl, department);
    const view = await standing.call<CaseView>('GET', `/ombudsman/cases/${caseId}?purpose=test%20setup`);
    await answering.call('POST', `/ombudsman/cases/${caseId}/transitions`, {
      action: 'respond_recommendation',
      version: view.version,
      recommendationId: view.recommendations[0]?.id,
      response: 'accepted',
    });
  });
  after(() => harness?.close());

  it('lets a department report implementation twice with evidence, by keyboard, and the ombudsman see both', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, department, '/staff/ombudsman/department');
    await waitForHeading(page, '인권옴부즈맨의 요청과 권고');
    await waitForLoaded(page);
    const reports = [
      { text: '통역 예산을 편성했습니다.', file: '예산-편성.pdf' },
      { text: '통역사 2명을 배치했습니다.', file: '배치-명단.pdf' },
    ];
    for (const report of reports) {
      await tabTo(page, new RegExp(`^사건 ${receipt}의 이행 보고$`));
      await page.keyboard.press('Enter');
      await tabTo(page, /^이행한 내용/);
      await page.keyboard.type(report.text);
      await tabTo(page, /^이행 보고 보내기$/);
      await page.keyboard.press('Enter');
      await page.getByText('이행 보고를 보냈습니다.').waitFor();
      await tabTo(page, /^증빙 파일/);
      // A file chooser cannot be driven by keys: the focused input takes the file as a chooser would.
      await page
        .locator(':focus')
        .setInputFiles({ name: report.file, mimeType: 'application/pdf', buffer: pdf });
      await tabTo(page, /^파일 올리기$/);
      await page.keyboard.press('Enter');
      await page.getByText(`${report.file} 파일을 올렸습니다.`).first().waitFor();
      await checkAccessibility(page, 'the implementation report form (ko)');
      await assertUniqueIds(page, 'the inbox with a report open');
      await tabTo(page, /^이행 보고 마치기$/);
      await page.keyboard.press('Enter');
      await page.getByText('이행 보고를 마쳤습니다.').first().waitFor();
    }
    const sent = page.getByRole('region', { name: '보낸 이행 보고' });
    for (const report of reports) {
      await sent.getByText(report.text).waitFor();
      await sent.getByRole('link', { name: new RegExp(report.file) }).waitFor();
    }
    await checkAccessibility(page, 'the inbox with two reports (ko)');
    await assertUniqueIds(page, 'the inbox');

    for (const language of ['ko', 'en'] as const) {
      const staff = await harness.newPage({ language });
      await signIn(staff, ombudsman, `/staff/ombudsman/cases/${caseId}`);
      await tabTo(staff, language === 'ko' ? /^여는 목적/ : /^Purpose/);
      await staff.keyboard.type(language === 'ko' ? '이행 점검' : 'follow-up check');
      await staff.keyboard.press('Enter');
      await waitForHeading(staff, language === 'ko' ? `사건 ${receipt}` : `Case ${receipt}`);
      await waitForLoaded(staff);
      const section = staff.getByRole('region', {
        name: language === 'ko' ? '이행 보고' : 'Implementation reports',
      });
      for (const report of reports) {
        await section.getByText(report.text).waitFor();
        await section.getByRole('link', { name: new RegExp(report.file) }).waitFor();
      }
      await section
        .getByText(/이부서/)
        .first()
        .waitFor();
      await assertUniqueIds(staff, `the case page (${language})`);
      await checkAccessibility(staff, `the case page with implementation reports (${language})`);
    }
  });

  for (const language of ['ko', 'en'] as const) {
    it(`confirms on the receipt the files received (${language})`, async () => {
      const page = await harness.newPage({ language });
      await page.goto('/ombudsman/complaint');
      await waitForHeading(page, language === 'ko' ? '인권침해 진정하기' : 'Report a human rights violation');
      await waitForLoaded(page);
      await tabTo(page, language === 'ko' ? /^이름$/ : /^Name$/);
      await page.keyboard.type('김시민');
      await tabTo(page, language === 'ko' ? /^부서, 기관 또는 시설의 이름/ : /^Name of the department/);
      await page.keyboard.type('동구청 민원실');
      await tabTo(page, language === 'ko' ? /^한 줄 요약/ : /^In one line/);
      await page.keyboard.type('휠체어로 민원실에 들어갈 수 없었습니다');
      await tabTo(page, language === 'ko' ? /^자세한 내용/ : /^The full story/);
      await page.keyboard.type('경사로가 없었습니다.');
      await tabTo(page, language === 'ko' ? /^첨부 파일/ : /^Files/);
      await page
        .locator(':focus')
        .setInputFiles({ name: '경사로-사진.png', mimeType: 'image/png', buffer: png });
      await tabTo(page, language === 'ko' ? /개인정보 처리에 동의합니다/ : /^I have read the above/);
      await page.keyboard.press('Space');
      await tabTo(page, language === 'ko' ? /^진정 접수하기$/ : /^Send my report$/);
      await page.keyboard.press('Enter');
      const files = page.getByRole('region', {
        name: language === 'ko' ? '받은 첨부파일' : 'Files received',
      });
      await files.getByText(/경사로-사진\.png \(1 KB\)/).waitFor();
      await assertUniqueIds(page, `the receipt (${language})`);
      await checkAccessibility(page, `the receipt with files (${language})`);
    });
  }
});
