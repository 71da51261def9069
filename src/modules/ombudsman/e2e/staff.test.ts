// The ombudsman's staff pages in Chromium: the standing ombudsman finds a case by a two-syllable
// Korean word, opens it with a purpose, sees the identity, takes steps, is told of a conflicting
// change and recovers, and reviews the access log; an officer sees the case without the identity; a
// department answers what was addressed to it; an admin proposes a standing ombudsman, the standing
// ombudsman confirms it by keyboard, the admin withdraws it and the grants are listed; an admin
// changes a deadline; every staff page passes axe in both languages.
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

const complaint = (summary: string, name: string, respondent: string) => ({
  complainant: { name, phone: '010-2222-3333' },
  respondent,
  respondentType: 'district',
  summary,
  description: `${summary}. 자세한 내용입니다.`,
  consent: true,
});

/** Every id on the page once: a label's `for` and an error summary's link must reach their own control. */
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

async function openCase(page: Page, receipt: string, language: 'ko' | 'en' = 'ko'): Promise<void> {
  await page.getByRole('link', { name: receipt }).click();
  await waitForHeading(page, language === 'ko' ? '사건 기록' : 'Case file');
  await page
    .getByLabel(language === 'ko' ? /^여는 목적/ : /^Purpose/)
    .fill(language === 'ko' ? '사건 조사 진행' : 'investigation');
  await page
    .getByRole('button', { name: language === 'ko' ? '사건 기록 열기' : 'Open the case file' })
    .click();
  await waitForHeading(page, language === 'ko' ? `사건 ${receipt}` : `Case ${receipt}`);
}

describe('the ombudsman’s staff pages in the browser', () => {
  let harness: Harness;
  let admin: Account;
  let ombudsman: Account;
  let officer: Account;
  let department: Account;
  let standing: ApiClient;
  const receipts: Record<'fresh' | 'asked' | 'recommended' | 'decided', string> = {
    fresh: '',
    asked: '',
    recommended: '',
    decided: '',
  };

  before(async () => {
    harness = await startHarness();
    admin = await harness.createAccount('admin', '김관리');
    ombudsman = await harness.createAccount('ombudsman', '정보호관');
    officer = await harness.createAccount('officer', '박담당');
    department = await harness.createAccount('department', '이부서');
    standing = await signInApi(harness.baseUrl, ombudsman);
    await appointStanding(harness, standing);

    const file = publicApi(harness.baseUrl);
    const filed = async (summary: string, name: string, respondent: string) => {
      const receipt = await file<{ receiptNumber: string }>(
        'POST',
        '/ombudsman/complaints',
        complaint(summary, name, respondent),
      );
      const list = await standing.call<{ cases: { id: string; receiptNumber: string }[] }>(
        'GET',
        `/ombudsman/cases?q=${encodeURIComponent(summary)}`,
      );
      const found = list.cases.find((item) => item.receiptNumber === receipt.receiptNumber);
      assert.ok(found, `the case ${receipt.receiptNumber} is listed`);
      return { id: found.id, receipt: receipt.receiptNumber };
    };
    const fresh = await filed('휠체어로 민원실에 들어갈 수 없었습니다', '김시민', '동구청 민원실');
    const asked = await filed('요양원에서 밤마다 문을 잠급니다', '최보호', '서구 요양원');
    const recommended = await filed('외국인 노동자에게 통역을 주지 않았습니다', '응우옌', '북구 고용센터');
    receipts.fresh = fresh.receipt;
    receipts.asked = asked.receipt;
    receipts.recommended = recommended.receipt;
    // Decided: the note's and the recommendation's text boxes are both on the page.
    const decided = await filed('장애인 화장실이 잠겨 있었습니다', '박이용', '남구 주민센터');
    receipts.decided = decided.receipt;
    await step(standing, decided.id, { action: 'start_assessment' });
    await step(standing, decided.id, { action: 'admit' });
    await step(standing, decided.id, {
      action: 'decide',
      outcome: 'violation_found',
      facts: '주민센터는 장애인 화장실을 잠가 두었다.',
      grounds: '이동권과 접근권을 침해하였다.',
    });
    for (const { id } of [asked, recommended]) {
      await step(standing, id, { action: 'start_assessment' });
      await step(standing, id, { action: 'admit' });
    }
    await step(standing, asked.id, {
      action: 'request_information',
      departmentCode: 'TEST-DEPT',
      question: '야간 출입 관리 규정을 보내 주세요.',
    });
    await step(standing, recommended.id, {
      action: 'decide',
      outcome: 'violation_found',
      facts: '고용센터는 통역 요청을 거절하였다.',
      grounds: '언어를 이유로 한 차별이다.',
    });
    await step(standing, recommended.id, {
      action: 'recommend',
      departmentCode: 'TEST-DEPT',
      body: '민원 창구에 통역 서비스를 마련하십시오.',
    });
    await step(standing, recommended.id, { action: 'issue_recommendations' });
  });
  after(() => harness?.close());

  it('lets the standing ombudsman find, open and work a case, recover from a conflict, and review its reads', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, ombudsman, '/staff/ombudsman/cases');
    await waitForHeading(page, '옴부즈맨 사건');
    await page.getByLabel(/^검색어/).fill('민원');
    await page.getByRole('button', { name: '찾기', exact: true }).click();
    await page.waitForURL(/q=%EB%AF%BC%EC%9B%90/);
    const table = page.getByRole('table');
    // The list shown before the search may still be on screen for a moment: wait for the other
    // case to leave it (a search that does not narrow the list times out here).
    await table.getByRole('link', { name: receipts.asked }).waitFor({ state: 'detached', timeout: 10_000 });
    await table.getByRole('link', { name: receipts.fresh }).waitFor();

    await openCase(page, receipts.fresh);
    const identity = page.getByRole('region', { name: '신원 정보' });
    await identity.getByText(/김시민/).waitFor();

    const start = page.getByRole('region', { name: '검토 시작' });
    await start.getByRole('button', { name: '검토 시작' }).click();
    await page.getByText('"검토 시작"을(를) 마쳤습니다.').waitFor();
    const admit = page.getByRole('region', { name: '조사 개시' });
    await admit.waitFor();

    // Someone else changes the case meanwhile: the page's version is stale.
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    await step(standing, id, { action: 'add_note', body: '다른 창에서 남긴 메모' });
    await admit.getByLabel(/^메모/).fill('조사를 시작합니다');
    await admit.getByRole('button', { name: '조사 개시' }).click();
    await admit.getByText(/그 사이에 다른 사람이 이 사건을 바꾸었습니다/).waitFor();
    await checkAccessibility(page, 'the case page with a conflict (ko)');
    await admit.getByRole('button', { name: '최신 내용 다시 불러오기' }).click();
    // In the notes, and on the timeline with its author since the note is kept there too.
    await page
      .getByRole('region', { name: '메모', exact: true })
      .getByText('다른 창에서 남긴 메모')
      .waitFor();
    assert.equal(await admit.getByLabel(/^메모/).inputValue(), '조사를 시작합니다', 'what was typed is kept');
    await admit.getByRole('button', { name: '조사 개시' }).click();
    await page.getByText('"조사 개시"을(를) 마쳤습니다.').waitFor();
    await page.getByRole('region', { name: '부서에 자료 요청' }).waitFor();

    await page.getByRole('button', { name: '접근 기록 보기' }).click();
    const log = page.getByRole('table', { name: '사건 기록 열람 기록' });
    await log.getByRole('cell', { name: '사건 조사 진행' }).first().waitFor();
    await checkAccessibility(page, 'the case page with its access log (ko)');
  });

  it('shows an officer the case without the identity', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, officer, '/staff/ombudsman/cases');
    await waitForHeading(page, 'Ombudsman cases');
    await openCase(page, receipts.fresh, 'en');
    await page.getByRole('heading', { name: 'The case' }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Identity' }).count(), 0);
    assert.equal(await page.getByText('김시민').count(), 0, 'no name anywhere on the page');
    await checkAccessibility(page, 'the case page as an officer (en)');
  });

  it('lets a department answer an information request and respond to a recommendation', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, department, '/staff/ombudsman/department');
    await waitForHeading(page, '인권옴부즈맨의 요청과 권고');
    await page.getByRole('button', { name: `${receipts.asked} 자료 요청에 회신하기` }).click();
    const form = page.getByRole('region', { name: `${receipts.asked} 자료 요청에 회신하기` });
    await form.getByRole('button', { name: '회신하기' }).click();
    await form.getByRole('alert').waitFor();
    assert.equal(await form.getByLabel(/^회신/).getAttribute('aria-invalid'), 'true');
    await checkAccessibility(page, 'the department inbox with an error (ko)');
    await form.getByLabel(/^회신/).fill('규정을 첨부합니다.');
    await form.getByRole('button', { name: '회신하기' }).click();
    await page.getByText('회신했습니다.').first().waitFor();
    await page.getByRole('cell', { name: '규정을 첨부합니다.' }).waitFor();

    await page.getByRole('button', { name: `${receipts.recommended} 권고에 답변하기` }).click();
    const respond = page.getByRole('region', { name: `${receipts.recommended} 권고에 답변하기` });
    await respond.getByLabel(/^답변 사유/).fill('통역 예산을 편성했습니다.');
    await respond.getByRole('button', { name: '답변하기' }).click();
    await page.getByText('답변했습니다.').first().waitFor();
    await page.getByRole('cell', { name: '수용' }).waitFor();
  });

  it('lets an admin appoint a standing ombudsman and change a deadline', async () => {
    await harness.createAccount('ombudsman', '한상임');
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, admin, '/staff/ombudsman/members');
    await waitForHeading(page, '인권옴부즈맨 위촉');
    await waitForLoaded(page);
    const members = page.getByRole('table', { name: /위촉된 인권옴부즈맨/ });
    assert.equal(await members.getByRole('rowheader', { name: '한상임' }).count(), 0, 'not yet a member');

    const account = page.getByLabel(/^인권옴부즈맨 계정/);
    const choice = await account.locator('option', { hasText: '한상임' }).getAttribute('value');
    await account.selectOption(choice ?? '');
    await page.getByRole('button', { name: '위촉', exact: true }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByLabel(/^위촉일/).getAttribute('aria-invalid'), 'true');
    await checkAccessibility(page, 'the members page with an error (ko)');

    await page.getByLabel(/^상임 인권옴부즈맨/).check();
    await page.getByLabel(/^위촉일/).fill('2026-03-01');
    await page.getByLabel(/^전문 분야/).fill('장애인 인권');
    await page.getByRole('button', { name: '위촉', exact: true }).click();
    await page.getByText('한상임님의 위촉 내용을 저장했습니다.').waitFor();
    const row = members.getByRole('row', { name: /한상임/ });
    await row.getByRole('cell', { name: '상임', exact: true }).waitFor();
    await row.getByRole('cell', { name: '장애인 인권' }).waitFor();
    await row.getByRole('cell', { name: '확인 대기(권한 없음)' }).waitFor();
    const pending = page.getByRole('region', { name: /확인을 기다리는 위촉 1건/ });
    await pending.getByText('다른 사람의 확인을 기다립니다.').waitFor();
    assert.equal(await pending.getByRole('button').count(), 0, 'the proposer is offered no confirmation');

    // The standing ombudsman sees the pending grant first on the page (in both languages) and
    // confirms it by keyboard.
    for (const language of ['en', 'ko'] as const) {
      const view = await harness.newPage({ language });
      await signIn(view, ombudsman, '/staff/ombudsman/members');
      await waitForHeading(view, language === 'ko' ? '인권옴부즈맨 위촉' : 'Ombudsman appointments');
      await waitForLoaded(view);
      await view
        .getByRole('heading', {
          name: language === 'ko' ? '확인을 기다리는 위촉 1건' : 'Appointments awaiting confirmation: 1',
        })
        .waitFor();
      await checkAccessibility(
        view,
        `the members page with a pending grant, as the standing ombudsman (${language})`,
      );
      if (language === 'en') continue;
      await tabTo(view, /^한상임님의 위촉 확인$/);
      await view.keyboard.press('Enter');
      await view.getByText('한상임님의 위촉을 확인했습니다.').waitFor();
      await view
        .getByRole('table', { name: /위촉된 인권옴부즈맨/ })
        .getByRole('row', { name: /한상임/ })
        .getByRole('cell', { name: '재임 중' })
        .waitFor();
      const grants = view.getByRole('table', { name: /권한 부여 기록/ });
      await grants.getByRole('row', { name: /한상임.*확인/ }).waitFor();
    }

    // The office withdraws it, with a reason, by keyboard.
    await page.reload();
    await waitForHeading(page, '인권옴부즈맨 위촉');
    await waitForLoaded(page);
    await page.getByLabel(/^종료·철회할 인권옴부즈맨/).selectOption({ label: '한상임' });
    await page.getByRole('button', { name: '지금 위촉 철회' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByLabel(/^사유/).getAttribute('aria-invalid'), 'true');
    await page.getByLabel(/^사유/).fill('겸직 제한');
    await tabTo(page, /^지금 위촉 철회$/);
    await page.keyboard.press('Enter');
    await page.getByText('한상임님의 위촉을 철회했습니다.').waitFor();
    await members
      .getByRole('row', { name: /한상임/ })
      .getByRole('cell', { name: '철회됨' })
      .waitFor();
    await page
      .getByRole('table', { name: /권한 부여 기록/ })
      .getByRole('row', { name: /한상임.*철회.*겸직 제한/ })
      .waitFor();
    await checkAccessibility(page, 'the members page after a withdrawal (ko)');

    await page.goto('/staff/ombudsman/deadlines');
    await waitForHeading(page, '처리 기한과 업무량');
    await waitForLoaded(page);
    const decision = page.getByLabel(/^조사 개시부터 결정까지/);
    await decision.fill('0');
    await page.getByRole('button', { name: '기한 저장' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(await decision.getAttribute('aria-invalid'), 'true');
    await checkAccessibility(page, 'the deadline settings with an error (ko)');
    await decision.fill('60');
    await page.getByRole('button', { name: '기한 저장' }).click();
    await page.getByText('처리 기한을 저장했습니다.').waitFor();

    const office = await signInApi(harness.baseUrl, admin);
    const settings = await office.call<{ daysToDecision: number }>('GET', '/ombudsman/settings/deadlines');
    assert.equal(settings.daysToDecision, 60);
    const listed = await office.call<{ members: { displayName: string; standing: boolean }[] }>(
      'GET',
      '/ombudsman/members',
    );
    assert.equal(listed.members.find((member) => member.displayName === '한상임')?.standing, true);
  });

  for (const language of ['ko', 'en'] as const) {
    it(`every staff ombudsman page passes axe in ${language === 'ko' ? 'Korean' : 'English'}`, async () => {
      const page = await harness.newPage({ language });
      await signIn(page, ombudsman);
      const pages = [
        { path: '/staff/ombudsman/cases', heading: { ko: '옴부즈맨 사건', en: 'Ombudsman cases' } },
        { path: '/staff/ombudsman/intake', heading: { ko: '사건 접수(직원)', en: 'Case intake (staff)' } },
        { path: '/staff/ombudsman/counselling', heading: { ko: '상담 기록', en: 'Counselling log' } },
        {
          path: '/staff/ombudsman/deadlines',
          heading: { ko: '처리 기한과 업무량', en: 'Deadlines and workload' },
        },
      ];
      for (const { path, heading } of pages) {
        await page.goto(path);
        await waitForHeading(page, heading[language]);
        await waitForLoaded(page);
        assert.equal(await page.locator('h1').count(), 1, `exactly one h1 on ${path}`);
        await assertUniqueIds(page, path);
        await checkAccessibility(page, `${path} (${language})`);
      }
      await page.goto('/staff/ombudsman/cases');
      await waitForHeading(page, pages[0]?.heading[language] ?? '');
      await openCase(page, receipts.recommended, language);
      await waitForLoaded(page);
      await assertUniqueIds(page, 'a case in follow-up');
      await checkAccessibility(page, `a case in follow-up (${language})`);
      await page.goto('/staff/ombudsman/cases');
      await waitForHeading(page, pages[0]?.heading[language] ?? '');
      await openCase(page, receipts.decided, language);
      await waitForLoaded(page);
      // The recommendation's label points at the recommendation's own box (not the note's).
      const label = page.locator('label[for="field-recommendationBody"]');
      assert.match((await label.textContent()) ?? '', language === 'ko' ? /^권고 내용/ : /^Recommendation/);
      assert.equal(await page.locator('textarea#field-recommendationBody').count(), 1);
      await assertUniqueIds(page, 'a decided case');
      await checkAccessibility(page, `a decided case (${language})`);

      const departmentPage = await harness.newPage({ language });
      await signIn(departmentPage, department, '/staff/ombudsman/department');
      await waitForHeading(
        departmentPage,
        language === 'ko' ? '인권옴부즈맨의 요청과 권고' : 'Requests and recommendations from the ombudsman',
      );
      await waitForLoaded(departmentPage);
      await assertUniqueIds(departmentPage, 'the department inbox');
      await checkAccessibility(departmentPage, `the department inbox (${language})`);

      const adminPage = await harness.newPage({ language });
      await signIn(adminPage, admin);
      const adminPages = [
        {
          path: '/staff/ombudsman/members',
          heading: { ko: '인권옴부즈맨 위촉', en: 'Ombudsman appointments' },
        },
        {
          path: '/staff/ombudsman/deadlines',
          heading: { ko: '처리 기한과 업무량', en: 'Deadlines and workload' },
        },
      ];
      for (const { path, heading } of adminPages) {
        await adminPage.goto(path);
        await waitForHeading(adminPage, heading[language]);
        await waitForLoaded(adminPage);
        await assertUniqueIds(adminPage, path);
        await checkAccessibility(adminPage, `${path} as an admin (${language})`);
      }
    });
  }
});
