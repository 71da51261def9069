// What staff write is kept and shown, in Chromium, by keyboard: a complaint filed on the public form
// is worked by the standing ombudsman from assessment to a decision with its facts and grounds, two
// recommendations with their own due dates (60 and 90 days), follow-up and closure; the case is
// corrected and classified, reopened with a reason and closed again. After each step the page is
// reloaded and what was typed is checked; the printable decision holds the grounds, the departments'
// names, the due dates and the signatory; the citizen's status page tells the outcome and names
// nobody. axe runs on every page touched, in Korean and English.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  type Account,
  assertNoPageErrors,
  checkAccessibility,
  type Harness,
  signIn,
  startHarness,
  waitForHeading,
  waitForLoaded,
} from '../../../kernel/web/e2e/harness.ts';
import type { CaseView } from '../contract.ts';
import { type ApiClient, appointStanding, signInApi } from './api-client.ts';
import { tabTo } from './keyboard.ts';

const seoulDay = (days: number) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
const koreanDate = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}년 ${month}월 ${day}일`;
};

describe('the case file keeps and shows what staff write (browser)', () => {
  let harness: Harness;
  let ombudsman: Account;
  let standing: ApiClient;
  let caseId = '';
  let receipt = { receiptNumber: '', trackingCode: '' };
  const due60 = seoulDay(60);
  const due90 = seoulDay(90);

  before(async () => {
    harness = await startHarness();
    ombudsman = await harness.createAccount('ombudsman', '정상임');
    standing = await signInApi(harness.baseUrl, ombudsman);
    await appointStanding(harness, standing);
  });
  after(() => harness?.close());

  /** Opens the case file (the purpose form first), after a reload when asked: what is shown is stored. */
  async function openCase(page: Page, language: 'ko' | 'en' = 'ko') {
    await page.goto(`/staff/ombudsman/cases/${caseId}`);
    await waitForHeading(page, language === 'ko' ? '사건 기록' : 'Case file');
    await page.getByLabel(language === 'ko' ? /^여는 목적/ : /^Purpose/).fill('사건 처리');
    await page.keyboard.press('Enter');
    await waitForHeading(
      page,
      language === 'ko' ? `사건 ${receipt.receiptNumber}` : `Case ${receipt.receiptNumber}`,
    );
    await waitForLoaded(page);
  }
  const history = (page: Page) =>
    page.getByRole('table', { name: /사건 처리 경과|What happened in this case/ });
  /** Tab from the page's heading, so that a search for a control goes forward through the whole page. */
  async function fromTop(page: Page) {
    await page.locator('main h1').focus();
  }
  async function take(page: Page, button: string) {
    await tabTo(page, new RegExp(`^${button}$`), 300);
    await page.keyboard.press('Enter');
    await page.locator('.notice--success').filter({ hasText: button }).waitFor();
    await fromTop(page);
  }

  it('files a complaint on the public form', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await page.goto('/ombudsman/complaint');
    await waitForHeading(page, '인권침해 진정하기');
    await waitForLoaded(page);
    await tabTo(page, /^이름$/);
    await page.keyboard.type('홍진정');
    await tabTo(page, /^부서, 기관 또는 시설의 이름/);
    await page.keyboard.type('광주 ○○요양원');
    await tabTo(page, /^한 줄 요약/);
    await page.keyboard.type('병실 안 CCTV로 환자를 늘 찍습니다');
    await tabTo(page, /^자세한 내용/);
    await page.keyboard.type('제 어머니 홍어머니가 입원한 병실에 CCTV가 있습니다.');
    await tabTo(page, /개인정보 처리에 동의합니다/);
    await page.keyboard.press('Space');
    await tabTo(page, /^진정 접수하기$/);
    await page.keyboard.press('Enter');
    await waitForHeading(page, '진정이 접수되었습니다');
    receipt = {
      receiptNumber: (await page.locator('.receipt__code').nth(0).textContent()) ?? '',
      trackingCode: (await page.locator('.receipt__code').nth(1).textContent()) ?? '',
    };
    const list = await standing.call<{ cases: { id: string; receiptNumber: string }[] }>(
      'GET',
      `/ombudsman/cases?q=${encodeURIComponent('CCTV')}`,
    );
    caseId = list.cases.find((item) => item.receiptNumber === receipt.receiptNumber)?.id ?? '';
    assert.ok(caseId);
  });

  it('keeps the note that opens the investigation, the corrections, the decision and each due date', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, ombudsman, '/staff/ombudsman/cases');
    await openCase(page);
    await take(page, '검토 시작');

    await fromTop(page);
    await tabTo(page, /^메모/, 200);
    await page.keyboard.type('진정 요건을 갖추어 조사를 개시합니다.');
    await take(page, '조사 개시');
    await page.reload();
    await openCase(page);
    const admitted = history(page).getByRole('row').filter({ hasText: '조사 개시' });
    assert.match((await admitted.textContent()) ?? '', /정상임/);
    assert.match((await admitted.textContent()) ?? '', /진정 요건을 갖추어 조사를 개시합니다/);

    // Corrected and classified after intake.
    await fromTop(page);
    await tabTo(page, /^사건 요지/, 300);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('정신요양시설 병실 CCTV에 의한 사생활 침해');
    await tabTo(page, /^사생활과 명예를 보호받을 권리$/, 300);
    await page.keyboard.press('Space');
    await tabTo(page, /^수정 저장$/, 100);
    await page.keyboard.press('Enter');
    await page.locator('.notice--success').filter({ hasText: '사건 정보를 수정했습니다' }).waitFor();
    await page.reload();
    await openCase(page);
    const facts = page.locator('.case-facts');
    assert.match((await facts.textContent()) ?? '', /정신요양시설 병실 CCTV에 의한 사생활 침해/);
    assert.match((await facts.textContent()) ?? '', /사생활과 명예를 보호받을 권리/);
    const edited = history(page).getByRole('row').filter({ hasText: '사건 정보 수정' });
    assert.match(
      (await edited.textContent()) ?? '',
      /바꾸기 전: 사건 요지: 병실 안 CCTV로 환자를 늘 찍습니다/,
    );
    await checkAccessibility(page, 'the case file after corrections (ko)');

    // The decision, written.
    await fromTop(page);
    await tabTo(page, /^결정 내용/, 300);
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByLabel(/^결정 내용/).inputValue(), 'violation_found');
    await tabTo(page, /^인정 사실/);
    await page.keyboard.type('피진정기관은 병실 안에 CCTV를 설치하여 입원 환자를 상시 촬영하였다.');
    await tabTo(page, /^판단/);
    await page.keyboard.type('병실 안의 상시 촬영은 사생활의 비밀과 자유를 침해한다.');
    await take(page, '결정');

    for (const [department, body, due] of [
      ['민주인권과', '병실 안의 CCTV를 철거할 것', due60],
      ['인권담당관실', '시설 직원에게 인권교육을 실시할 것', due90],
    ] as const) {
      await tabTo(page, /^부서/, 300);
      await page.getByLabel(/^부서/).selectOption({ label: department });
      // The recommendation's text is the control after the department (its label shares an id with
      // the note's on this page, so it is reached by position rather than by name).
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA');
      await page.keyboard.type(body);
      await tabTo(page, /^회신 기한/);
      await page.getByLabel(/^회신 기한/).fill(due);
      await take(page, '권고 작성');
    }
    await take(page, '권고 발송');
    await page.reload();
    await openCase(page);
    const decision = page.getByRole('region', { name: '결정', exact: true });
    const decisionText = (await decision.textContent()) ?? '';
    assert.match(decisionText, /입원 환자를 상시 촬영하였다/);
    assert.match(decisionText, /사생활의 비밀과 자유를 침해한다/);
    assert.match(decisionText, /상임 인권옴부즈맨 정상임/);
    const recommendations = (await page.getByRole('table', { name: '이 사건의 권고' }).textContent()) ?? '';
    assert.ok(recommendations.includes(due60) && recommendations.includes(due90), recommendations);

    // The printable decision.
    const documentPage = await page.context().newPage();
    await documentPage.goto(`${harness.baseUrl}/api/v1/ombudsman/cases/${caseId}/documents/decision?lang=ko`);
    const printed = (await documentPage.locator('body').textContent()) ?? '';
    assert.match(printed, /병실 안의 상시 촬영은 사생활의 비밀과 자유를 침해한다/);
    assert.match(printed, /민주인권과/);
    assert.match(printed, /인권담당관실/);
    assert.ok(printed.includes(koreanDate(due60)) && printed.includes(koreanDate(due90)), printed);
    assert.match(printed, /광주광역시 상임 인권옴부즈맨정상임/);
    assert.doesNotMatch(printed, /홍진정|홍어머니/);
    await documentPage.close();

    await fromTop(page);
    await tabTo(page, /^사유/, 300);
    await page.getByLabel(/^사유/).selectOption('recommendations_followed_up');
    await take(page, '종결');
    assertNoPageErrors(page);
  });

  it('tells the citizen the outcome on the status page, naming nobody', async () => {
    for (const language of ['ko', 'en'] as const) {
      const page = await harness.newPage({ language });
      await page.goto('/ombudsman/status');
      await waitForHeading(
        page,
        language === 'ko' ? '진정 처리 상황 확인' : 'Check the progress of a report',
      );
      await tabTo(page, language === 'ko' ? /^접수번호/ : /^Receipt number/);
      await page.keyboard.type(receipt.receiptNumber);
      await tabTo(page, language === 'ko' ? /^확인 코드/ : /^Tracking code/);
      await page.keyboard.type(receipt.trackingCode);
      await page.keyboard.press('Enter');
      const outcome = page.locator('.status-outcome');
      await outcome.waitFor();
      const text = (await outcome.textContent()) ?? '';
      assert.match(
        text,
        language === 'ko' ? /인권침해가 있었다고 판단했습니다/ : /found that human rights were violated/,
      );
      assert.match(text, language === 'ko' ? /권고 2건/ : /2 recommendation/);
      assert.doesNotMatch(text, /정상임|민주인권과|인권담당관실|CCTV|요양원/);
      await checkAccessibility(page, `the status page with an outcome (${language})`);
    }
  });

  it('lets the standing ombudsman reopen the case with a reason and close it again', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, ombudsman, '/staff/ombudsman/cases');
    await openCase(page, 'en');
    await fromTop(page);
    await tabTo(page, /^Reason for reopening/, 300);
    await page.keyboard.type('The complainant sent new evidence.');
    await tabTo(page, /^Reopen the case$/);
    await page.keyboard.press('Enter');
    await page.locator('.notice--success').waitFor();
    await page.reload();
    await openCase(page, 'en');
    const reopened = history(page).getByRole('row').filter({ hasText: 'Reopen the case' });
    assert.match((await reopened.textContent()) ?? '', /The complainant sent new evidence\./);
    assert.match((await reopened.textContent()) ?? '', /정상임/);
    await checkAccessibility(page, 'the reopened case file (en)');

    await fromTop(page);
    await tabTo(page, /^Reason/, 300);
    await page
      .getByLabel(/^Reason/)
      .first()
      .selectOption('withdrawn');
    await tabTo(page, /^Dismiss$/);
    await page.keyboard.press('Enter');
    await page.locator('.notice--success').waitFor();
    const view = await standing.call<CaseView>('GET', `/ombudsman/cases/${caseId}?purpose=check`);
    assert.equal(view.status, 'closed');
    assert.deepEqual(
      view.events.slice(-2).map((event) => event.action),
      ['reopen', 'dismiss'],
    );
    assertNoPageErrors(page);
  });
});
