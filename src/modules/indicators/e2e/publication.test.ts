// Publication in Chromium: a 2025 cycle is walked to its close through the API (a value, the
// self-assessment, a committee comment, an action); the officer then corrects the closed year's value
// on its page by keyboard, is first told on the field that a reason is needed, and the public page of
// the indicator shows the corrected value with its note (date, old value, reason), with a chart whose
// axis reaches past the highest value (162); the overview links to the year's published results.
// Every page passes axe in Korean and English.
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
import { activate, chooseByKeyboard, typeInto } from '../../../kernel/web/e2e/keyboard.ts';
import { apiSession } from './seed-data.ts';

const reason = 'The district totals were added twice.';
const narrative = 'Privacy complaints fell in every district.';
const comment = 'Publish the district figures too.';
const actionText = 'Survey the privacy of older residents.';

/** The chart's value ticks, as numbers. */
async function yTicks(page: Page): Promise<number[]> {
  const texts = await page.locator('.chart__ticks--y text').allTextContents();
  return texts.map((text) => Number(text.replaceAll(',', '')));
}

describe('publishing a closed year and correcting it in the browser', () => {
  let harness: Harness;
  let officer: Account;

  before(async () => {
    harness = await startHarness();
    officer = await harness.createAccount('officer');
    const committee = await harness.createAccount('committee');
    const call = await apiSession(harness.baseUrl, officer);
    const committeeCall = await apiSession(harness.baseUrl, committee);
    const move = async (action: string) => {
      const { cycles } = (await call('GET', '/indicators/cycles')) as unknown as {
        cycles: { year: number; version: number }[];
      };
      const version = cycles.find((cycle) => cycle.year === 2025)?.version;
      await call('POST', '/indicators/cycles/2025/transitions', { action, version });
    };
    await call('POST', '/indicators/1-1/observations', 'Year,Value\n2023,120\n2024,162\n');
    const { area } = (await call('GET', '/indicators/1-1')) as unknown as { area: { code: string } };
    await call('POST', '/indicators/cycles', { year: 2025 });
    await move('start_collection');
    await call('PUT', '/indicators/1-1/values/2025', {
      entries: [{ dimensions: {}, value: 150, comment: null, version: 0 }],
    });
    await move('start_assessment');
    await call('PUT', `/indicators/cycles/2025/assessments/${area.code}`, {
      version: 0,
      score: 4,
      narrative,
    });
    await move('issue_report');
    await committeeCall('POST', '/indicators/cycles/2025/report/comments', { body: comment });
    await move('start_complementation');
    await call('POST', '/indicators/cycles/2025/actions', {
      indicatorCode: '1-1',
      description: actionText,
      ownerDepartment: 'DHRP-DHR',
      dueDate: '2026-06-30',
    });
    await move('collect_results');
    await move('close');
  });
  after(() => harness?.close());

  it('lets the officer correct the closed year by keyboard, a reason required', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, officer, '/staff/indicators/corrections');
    await waitForHeading(page, "Correct a closed year's value");
    await waitForLoaded(page);
    assert.equal(await page.getByLabel(/^Closed year/).inputValue(), '2025');
    await chooseByKeyboard(page.getByLabel(/^Indicator/), '1-1');
    await page.getByRole('heading', { level: 2, name: 'Correct the value' }).waitFor();
    await waitForLoaded(page);
    const breakdown = page.getByLabel(/^Value to correct/);
    assert.match((await breakdown.locator('option:checked').textContent()) ?? '', /^Total: now 150$/);
    await page.getByText('This indicator has no correction yet.').waitFor();
    await checkAccessibility(page, 'the correction page (en)');

    await typeInto(page.getByLabel(/^New value/), '155');
    await activate(page.getByRole('button', { name: 'Correct the value' }));
    await page.getByRole('alert').getByRole('link').first().waitFor();
    assert.equal(await page.getByLabel(/^Reason for the correction/).getAttribute('aria-invalid'), 'true');
    await checkAccessibility(page, 'the correction page with an error (en)');

    await typeInto(page.getByLabel(/^Reason for the correction/), reason);
    await activate(page.getByRole('button', { name: 'Correct the value' }));
    await page.getByText('The 2025 value of 1-1 is corrected from 150 to 155.').waitFor();
    await page
      .getByRole('row', { name: /^2025 Total \d{4}-\d{2}-\d{2} 150 155 The district totals/ })
      .waitFor();
    // The form reads the value again: the corrected one is now the current one.
    await page
      .getByLabel(/^Value to correct/)
      .locator('option', { hasText: /^Total: now 155$/ })
      .waitFor({ state: 'attached' });
    await checkAccessibility(page, 'the correction page after a correction (en)');

    const korean = await harness.newPage({ language: 'ko' });
    await signIn(korean, officer, '/staff/indicators/corrections');
    await waitForHeading(korean, '닫힌 연도의 값 정정');
    await waitForLoaded(korean);
    await chooseByKeyboard(korean.getByLabel(/^지표/), '1-1');
    await korean.getByRole('heading', { level: 2, name: '1-1의 정정 기록' }).waitFor();
    await waitForLoaded(korean);
    await checkAccessibility(korean, 'the correction page (ko)');
    assertNoPageErrors(page);
    assertNoPageErrors(korean);
  });

  it('shows the corrected value with its note on the public page, the chart covering the highest value', async () => {
    for (const language of ['en', 'ko'] as const) {
      const page = await harness.newPage({ language });
      await page.goto('/indicators/1-1');
      await waitForHeading(page, language === 'ko' ? /^인권지표 1-1: / : /^Human rights indicator 1-1: /);
      await waitForLoaded(page);
      await page.getByRole('img', { name: language === 'ko' ? /연도별 값/ : /by year/ }).waitFor();
      await page.getByRole('row', { name: /^2025 155$/ }).waitFor();
      const note =
        language === 'ko'
          ? /^2025년 전체\(합계\): 현재 값 155\. \d{4}-\d{2}-\d{2} 정정: 이전 값 150, 사유: The district totals were added twice\.$/
          : /^2025, Total: now 155\. Corrected on \d{4}-\d{2}-\d{2}: old value 150; reason: The district totals were added twice\.$/;
      await page.getByRole('listitem').filter({ hasText: note }).waitFor();
      await page.getByRole('row', { name: new RegExp(actionText.replace('.', '\\.')) }).waitFor();
      const ticks = await yTicks(page);
      assert.ok(Math.max(...ticks) >= 162, `the top tick reaches the highest value: ${ticks}`);
      assert.ok(Math.min(...ticks) <= 0, `the axis starts at zero: ${ticks}`);
      await checkAccessibility(page, `the public page of 1-1 with a correction (${language})`);
      assertNoPageErrors(page);
    }
  });

  it("links the overview to the year's published results", async () => {
    for (const language of ['en', 'ko'] as const) {
      const page = await harness.newPage({ language });
      await page.goto('/indicators');
      await waitForHeading(page, language === 'ko' ? '인권지표' : 'Human rights indicators');
      await waitForLoaded(page);
      await checkAccessibility(page, `the overview with published results (${language})`);
      await activate(
        page.getByRole('link', { name: language === 'ko' ? '2025년 평가 결과' : 'Results of 2025' }),
      );
      await waitForHeading(
        page,
        language === 'ko' ? '2025년 인권지표 평가 결과' : 'Human rights indicators: results of 2025',
      );
      await waitForLoaded(page);
      await page.getByRole('row', { name: new RegExp(`4 ${narrative.replace('.', '\\.')}$`) }).waitFor();
      await page.getByRole('listitem').filter({ hasText: comment }).waitFor();
      await page.getByRole('row', { name: new RegExp(`^${actionText.replace('.', '\\.')} 1-1 `) }).waitFor();
      await checkAccessibility(page, `the results of 2025 (${language})`);
      assertNoPageErrors(page);
    }
  });

  it('says a year that is not closed has no published results', async () => {
    const page = await harness.newPage({ language: 'en' });
    await page.goto('/indicators/results/2031');
    await waitForHeading(page, 'No published results');
    await checkAccessibility(page, 'the results of a year not closed (en)');
  });
});
