// The ombudsman's public pages in Chromium: a citizen on a phone-sized screen files a complaint with
// the keyboard alone and checks its status with the receipt; a complaint without consent is refused
// on the consent checkbox and nothing is filed; every public page passes axe in both languages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  assertNoPageErrors,
  checkAccessibility,
  type Harness,
  startHarness,
  waitForHeading,
  waitForLoaded,
} from '../../../kernel/web/e2e/harness.ts';
import { focusedName, tabTo } from './keyboard.ts';

const phone = { width: 375, height: 740 };

async function phonePage(harness: Harness, language: 'ko' | 'en'): Promise<Page> {
  const page = await harness.newPage({ width: phone.width, language });
  await page.setViewportSize(phone);
  return page;
}

/** Nothing may be wider than the screen: the page must not scroll sideways on a phone. */
async function assertNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${label} scrolls sideways by ${overflow}px at ${phone.width}px`);
}

describe('the ombudsman’s public pages in the browser', () => {
  let harness: Harness;
  let firstReceipt = '';
  before(async () => {
    harness = await startHarness();
  });
  after(() => harness?.close());

  it('lets a citizen file a complaint and check its status with the keyboard alone on a phone', async () => {
    const page = await phonePage(harness, 'ko');
    await page.goto('/');
    await waitForHeading(page, '광주 인권도시 플랫폼');
    await tabTo(page, /^인권침해 진정$/);
    await page.keyboard.press('Enter');
    await waitForHeading(page, '인권침해 진정하기');
    await waitForLoaded(page);
    // The privacy notice says what is kept and for how long (this installation's retention period).
    const notice = page.getByRole('region', { name: '개인정보 처리 안내' });
    await notice.getByText(/사건이 끝나고 5년이 지나면 이름과 연락처를 지우고/).waitFor();
    await notice.getByText(/인터넷 주소\(IP\)를 남기지 않습니다/).waitFor();
    await assertNoSidewaysScroll(page, 'the complaint form');
    await page.screenshot({ path: '/tmp/ombudsman-complaint-375.png', fullPage: true });

    await tabTo(page, /^이름$/);
    await page.keyboard.type('김시민');
    await tabTo(page, /^전화번호$/);
    await page.keyboard.type('010-1234-5678');
    await tabTo(page, /^기관의 종류/);
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.getByLabel(/^기관의 종류/).inputValue(), 'district');
    await tabTo(page, /^부서, 기관 또는 시설의 이름/);
    await page.keyboard.type('동구청 민원실');
    await tabTo(page, /^한 줄 요약/);
    await page.keyboard.type('휠체어로 민원실에 들어갈 수 없었습니다');
    await tabTo(page, /^자세한 내용/);
    await page.keyboard.type(
      '경사로가 없어 민원실 안으로 들어가지 못했고, 직원은 밖에서 기다리라고 했습니다.',
    );
    await tabTo(page, /^일이 있었던 날/);
    // The order of the date's parts follows the browser's own locale, so set each part with the arrow
    // keys (an empty part takes a value on ArrowUp) instead of typing digits in an assumed order.
    for (const key of ['ArrowUp', 'ArrowRight', 'ArrowUp', 'ArrowRight', 'ArrowUp']) {
      await page.keyboard.press(key);
    }
    assert.match(await page.getByLabel(/^일이 있었던 날/).inputValue(), /^\d{4}-\d{2}-\d{2}$/);
    await tabTo(page, /^일이 있었던 곳/);
    await page.keyboard.type('광주 동구청');
    await tabTo(page, /개인정보 처리에 동의합니다/);
    await page.keyboard.press('Space');
    await tabTo(page, /^진정 접수하기$/);
    await page.keyboard.press('Enter');

    await waitForHeading(page, '진정이 접수되었습니다');
    assert.equal(await focusedName(page), '진정이 접수되었습니다', 'focus moves to the new heading');
    const receiptNumber = (await page.locator('.receipt__code').nth(0).textContent()) ?? '';
    const trackingCode = (await page.locator('.receipt__code').nth(1).textContent()) ?? '';
    assert.match(receiptNumber, /^\d{4}-\d{6}$/);
    assert.match(trackingCode, /^[2-9A-HJ-NP-Z]{5}(-[2-9A-HJ-NP-Z]{5}){2}$/);
    firstReceipt = receiptNumber;
    assert.ok(!page.url().includes(trackingCode.slice(0, 5)), 'the tracking code is not in the URL');
    await page.getByText(/확인 코드는 지금 한 번만 보여 드리고/).waitFor();
    await assertNoSidewaysScroll(page, 'the receipt');
    await page.screenshot({ path: '/tmp/ombudsman-received-375.png', fullPage: true });
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').isVisible(), false, 'the print leaves out the header');
    assert.equal(await page.getByRole('button', { name: '인쇄하기' }).isVisible(), false);
    await page.emulateMedia({ media: 'screen' });

    await tabTo(page, /^처리 상황 확인하러 가기$/);
    await page.keyboard.press('Enter');
    await waitForHeading(page, '진정 처리 상황 확인');
    await tabTo(page, /^접수번호/);
    await page.keyboard.type(receiptNumber);
    await tabTo(page, /^확인 코드/);
    // As people type it from paper: lower case, without the dashes.
    await page.keyboard.type(trackingCode.replace(/-/g, '').toLowerCase());
    await page.keyboard.press('Enter');
    const result = page.getByRole('region', { name: '처리 상황' });
    await result.waitFor();
    assert.match((await result.textContent()) ?? '', /접수됨: 진정이 들어와 검토를 기다리고 있습니다/);
    assert.match((await result.textContent()) ?? '', /\d{4}\. \d{1,2}\. \d{1,2}\./);
    await checkAccessibility(page, 'the status with a result (ko)');

    // A wrong pair: one neutral message, whichever half is wrong.
    await page.getByLabel(/^확인 코드/).fill('AAAAA-BBBBB-CCCCC');
    await page.getByRole('button', { name: '확인하기' }).click();
    const summary = page.getByRole('alert').filter({ hasText: '문제가 있습니다' });
    await summary.waitFor();
    await summary.getByText('접수번호와 확인 코드가 맞는 진정을 찾지 못했습니다').waitFor();
    assert.equal(await result.count(), 0, 'the earlier result is gone');

    // Leaving the receipt forgets it: going back shows the code no more, and nothing in the
    // browser (storage, the history entry's state) keeps it.
    await page.goBack();
    await waitForHeading(page, '진정이 접수되었습니다');
    await page.getByText(/보여 드릴 접수증이 없습니다/).waitFor();
    assert.equal(await page.locator('.receipt__code').count(), 0);
    const kept = await page.evaluate(() =>
      JSON.stringify([
        history.state,
        Object.entries(sessionStorage),
        Object.entries(localStorage),
        document.body.textContent,
      ]),
    );
    assert.ok(!kept.includes(trackingCode), 'the tracking code is kept nowhere in the browser');
    assertNoPageErrors(page);
  });

  it('refuses a complaint without consent on the consent checkbox, keeps what was typed, files nothing', async () => {
    const page = await harness.newPage({ language: 'en' });
    await page.goto('/ombudsman/complaint');
    await waitForHeading(page, 'Report a human rights violation');
    await waitForLoaded(page);
    await page.getByLabel(/^I want to report without my name/).check();
    await page.getByLabel(/^Name of the department/).fill('Seo-gu care home');
    await page.getByLabel(/^In one line/).fill('Residents are locked in at night');
    await page.getByLabel(/^The full story/).fill('The doors are locked from 8 pm.');
    await page.getByRole('button', { name: 'Send my report' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    assert.ok(
      await summary.evaluate((element) => element === document.activeElement),
      'the summary has focus',
    );
    const message = 'To send your report, please agree to the processing of your personal data.';
    const link = summary.getByRole('link', { name: message });
    await link.waitFor();
    const consent = page.getByLabel(/^I have read the above and agree/);
    assert.equal(await consent.getAttribute('aria-invalid'), 'true');
    const describedBy = (await consent.getAttribute('aria-describedby')) ?? '';
    assert.match((await page.locator(`[id="${describedBy}"]`).textContent()) ?? '', new RegExp(message));
    await checkAccessibility(page, 'the complaint form with errors (en)');
    await link.click();
    assert.ok(await consent.evaluate((element) => element === document.activeElement), 'the link focuses it');
    assert.equal(await page.getByLabel(/^In one line/).inputValue(), 'Residents are locked in at night');

    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Send my report' }).click();
    await waitForHeading(page, 'Your report has been received');
    const receiptNumber = (await page.locator('.receipt__code').first().textContent()) ?? '';
    const [year, number] = firstReceipt.split('-');
    assert.equal(
      receiptNumber,
      `${year}-${String(Number(number) + 1).padStart(6, '0')}`,
      'the refused attempt took no receipt number: nothing was filed',
    );
    await checkAccessibility(page, 'the receipt (en)');

    // A reload shows no receipt: the tracking code is shown once.
    await page.reload();
    await waitForHeading(page, 'Your report has been received');
    await page.getByText('There is no receipt to show.').waitFor();
    assert.equal(await page.locator('.receipt__code').count(), 0);
  });

  for (const language of ['ko', 'en'] as const) {
    it(`every public ombudsman page passes axe in ${language === 'ko' ? 'Korean' : 'English'}`, async () => {
      const page = await phonePage(harness, language);
      const pages = [
        {
          path: '/ombudsman/complaint',
          heading: { ko: '인권침해 진정하기', en: 'Report a human rights violation' },
        },
        {
          path: '/ombudsman/status',
          heading: { ko: '진정 처리 상황 확인', en: 'Check the progress of a report' },
        },
        {
          path: '/ombudsman/statistics',
          heading: { ko: '인권옴부즈맨 연간 통계', en: 'Ombudsman statistics by year' },
        },
        {
          path: '/ombudsman/complaint/received',
          heading: { ko: '진정이 접수되었습니다', en: 'Your report has been received' },
        },
      ];
      for (const { path, heading } of pages) {
        await page.goto(path);
        await waitForHeading(page, heading[language]);
        await waitForLoaded(page);
        assert.equal(await page.locator('h1').count(), 1, `exactly one h1 on ${path}`);
        await assertNoSidewaysScroll(page, path);
        await checkAccessibility(page, `${path} (${language})`);
        if (path === '/ombudsman/statistics') {
          // 2018's recommendations: the published totals give none and no record covers that year.
          const row = page.locator('tr', { has: page.locator('th', { hasText: /^2018$/ }) }).first();
          assert.match((await row.textContent()) ?? '', language === 'ko' ? /기록 없음/ : /Not recorded/);
        }
      }
      // The form in its other states: filing on behalf of someone, errors on every field.
      await page.goto('/ombudsman/complaint');
      await waitForHeading(page, heading(language));
      await page.getByRole('checkbox', { name: /^(다른 사람|I am reporting for someone else)/ }).check();
      await page.getByRole('button', { name: /^(진정 접수하기|Send my report)$/ }).click();
      await page.getByRole('alert').waitFor();
      await checkAccessibility(page, `the complaint form on behalf, with errors (${language})`);
    });
  }
});

function heading(language: 'ko' | 'en'): string {
  return language === 'ko' ? '인권침해 진정하기' : 'Report a human rights violation';
}
