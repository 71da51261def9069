// The indicators' public pages in Chromium: the overview and every indicator's page pass axe in both
// languages; an indicator with data imported through the real API shows a chart together with a
// table of the same numbers, filtered by a disaggregation; one without data says so in words; the
// page reflows at 320 px without scrolling sideways.
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
import { importAsOfficer, sampleCsv } from './seed-data.ts';

async function assertNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${label} scrolls sideways by ${overflow}px`);
}

/** The rows of a captioned table as text, header row first. */
async function tableText(page: Page, caption: RegExp): Promise<string[][]> {
  const table = page.locator('table').filter({ has: page.locator('caption', { hasText: caption }) });
  return table
    .locator('tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
    );
}

describe('the indicators’ public pages in the browser', () => {
  let harness: Harness;
  let codes: string[] = [];
  before(async () => {
    harness = await startHarness();
    const officer = await harness.createAccount('officer');
    const result = await importAsOfficer(harness.baseUrl, officer, '1-1', sampleCsv);
    assert.equal(result.imported, 12);
    const overview = (await (await fetch(`${harness.baseUrl}/api/v1/indicators`)).json()) as {
      areas: { indicators: { code: string }[] }[];
    };
    codes = overview.areas.flatMap((area) => area.indicators.map((indicator) => indicator.code));
    assert.ok(codes.length > 0, 'the dataset names indicators');
  });
  after(() => harness?.close());

  it('shows an indicator’s data as a chart with a table of the same numbers, and filters it', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await page.goto('/indicators/1-1');
    await waitForHeading(page, '인권지표 1-1: 사생활 보호');
    await waitForLoaded(page);
    await page
      .getByRole('region', { name: '이 지표로 측정하는 권고' })
      .getByText('이 지표에 연결된 공개 권고가 없습니다.')
      .waitFor();
    const chart = page.getByRole('img', { name: /사생활 보호, 연도별 값/ });
    await chart.waitFor();
    assert.match(
      (await chart.getAttribute('aria-labelledby')) ?? '',
      /\S+ \S+/,
      'the chart is named by its title and summarised by its description',
    );
    assert.match((await page.locator('svg desc').textContent()) ?? '', /계열 2개, 2019부터 2021까지/);
    const rows = await tableText(page, /사생활 보호, 연도별 값: 그래프의 값/);
    assert.deepEqual(rows, [
      ['연도', 'Survey', 'Administrative'],
      ['2019', '41.5', '38'],
      ['2020', '44', '40'],
      ['2021', '47.25', '1,234.5'],
    ]);
    // Series differ by more than colour: each has its own dash pattern.
    const dashes = await page
      .locator('svg[role="img"] .chart__line')
      .evaluateAll((lines) => lines.map((line) => getComputedStyle(line).strokeDasharray));
    assert.equal(new Set(dashes).size, 2, `two dash patterns: ${dashes.join(' / ')}`);
    await page.screenshot({ path: '/tmp/indicator-1-1-ko.png', fullPage: true });
    await checkAccessibility(page, 'indicator 1-1 with a chart (ko)');

    await page.getByLabel('Sex').selectOption('Female');
    await page.getByRole('button', { name: '보기' }).click();
    await page.waitForURL(/dimension=Sex%3DFemale|dimension=Sex=Female/);
    await waitForLoaded(page);
    await page.getByRole('cell', { name: '46' }).waitFor();
    assert.deepEqual(await tableText(page, /그래프의 값/), [
      ['연도', 'Survey'],
      ['2019', '39'],
      ['2020', '43'],
      ['2021', '46'],
    ]);
    const csv = page.getByRole('link', { name: /CSV 파일/ });
    assert.equal(await csv.getAttribute('href'), '/api/v1/indicators/1-1/observations.csv');
    assertNoPageErrors(page);

    await page.setViewportSize({ width: 320, height: 800 });
    await assertNoSidewaysScroll(page, 'indicator 1-1 at 320 px');
    await page.screenshot({ path: '/tmp/indicator-1-1-320.png', fullPage: true });
  });

  it('says in words that an indicator has no data yet, instead of drawing an empty chart', async () => {
    const page = await harness.newPage({ language: 'en' });
    await page.goto('/indicators/1-2');
    await waitForHeading(page, /^Human rights indicator 1-2: /);
    await waitForLoaded(page);
    await page.getByText('No data has been published yet.').waitFor();
    assert.equal(await page.locator('main svg[role="img"]').count(), 0);
    await page.goto('/indicators/99-1');
    await waitForHeading(page, 'Indicator not found');
  });

  for (const language of ['ko', 'en'] as const) {
    it(`the overview and every indicator’s page pass axe in ${language === 'ko' ? 'Korean' : 'English'}`, async () => {
      const page = await harness.newPage({ language });
      await page.goto('/indicators');
      await waitForHeading(page, language === 'ko' ? '인권지표' : 'Human rights indicators');
      await waitForLoaded(page);
      await page
        .getByText(language === 'ko' ? '달성한 지표(전체 기준)' : 'Accomplished (whole set)')
        .waitFor();
      await checkAccessibility(page, `the indicators overview (${language})`);
      for (const code of codes) {
        await page.goto(`/indicators/${code}`);
        await waitForHeading(page, new RegExp(`^(인권지표|Human rights indicator) ${code}: `));
        await waitForLoaded(page);
        assert.equal(await page.locator('h1').count(), 1, `exactly one h1 on ${code}`);
        await checkAccessibility(page, `indicator ${code} (${language})`);
      }
    });
  }
});
