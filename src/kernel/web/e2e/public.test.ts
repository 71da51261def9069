// The public site in Chromium: every public page passes axe in Korean and in English, the shell works
// by keyboard alone, the language switch keeps the page, the layout reflows at 320 CSS px, and the
// pages show the dataset's figures and vocabularies.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Language } from '../../shared/language.ts';
import { checkAccessibility, type Harness, startHarness, waitForHeading } from './harness.ts';

/** Every public page, with its h1 in both languages. */
const publicPages: { path: string; heading: Record<Language, string | RegExp> }[] = [
  { path: '/', heading: { ko: '광주 인권도시 플랫폼', en: 'Gwangju Human Rights City Platform' } },
  { path: '/figures', heading: { ko: '숫자로 보는 광주', en: 'Gwangju in figures' } },
  { path: '/vocabularies', heading: { ko: '공통 용어', en: 'Shared vocabularies' } },
  { path: '/vocabularies/target-groups', heading: { ko: '대상 집단', en: 'Target groups' } },
  { path: '/vocabularies/sdg-targets', heading: { ko: '지속가능발전 세부목표', en: 'SDG targets' } },
  { path: '/vocabularies/rights/sample-dignity', heading: { ko: /존엄하게 살 권리/, en: /live in dignity/ } },
  { path: '/vocabularies/districts/dong-gu', heading: { ko: '동구', en: 'Dong-gu' } },
  { path: '/search?q=%EC%9D%B8%EA%B6%8C', heading: { ko: '“인권” 검색 결과', en: 'Results for “인권”' } },
  { path: '/search', heading: { ko: '검색', en: 'Search' } },
  { path: '/open-data', heading: { ko: '공공데이터', en: 'Open data' } },
  {
    path: '/open-data/bureau-divisions',
    heading: {
      ko: '인권 담당 국과 소속 과의 공무원 수',
      en: 'The human rights bureau and its divisions, with their officials',
    },
  },
  { path: '/report', heading: { ko: '인권도시 연례 보고서', en: 'Annual Human Rights City report' } },
  { path: '/login', heading: { ko: '직원 로그인', en: 'Staff sign-in' } },
  { path: '/no/such/page', heading: { ko: '페이지를 찾을 수 없습니다', en: 'Page not found' } },
];

/** What has focus, as a person would name it. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    const named = ['A', 'BUTTON', 'H1'].includes(element.tagName);
    const name = named ? (element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '') : '';
    return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}: ${name}`;
  });
}

describe('public pages in the browser', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(() => harness?.close());

  for (const language of ['ko', 'en'] as const) {
    it(`every public page passes axe in ${language === 'ko' ? 'Korean' : 'English'}`, async () => {
      const page = await harness.newPage({ language });
      for (const { path, heading } of publicPages) {
        await page.goto(path);
        await waitForHeading(page, heading[language]);
        // The page's data is in (no loading message left) before axe looks at it.
        await page.locator('main [role="status"]:has-text("…")').waitFor({ state: 'detached' });
        assert.equal(await page.locator('html').getAttribute('lang'), language);
        assert.equal(await page.locator('h1').count(), 1, `exactly one h1 on ${path}`);
        await checkAccessibility(page, `${path} (${language})`);
      }
    });
  }

  it('can be used by keyboard alone: skip link first, then the search and language switch, then the menu', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await page.goto('/');
    await waitForHeading(page, '광주 인권도시 플랫폼');

    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'a: 본문 바로가기');
    assert.ok(
      await page.getByRole('link', { name: '본문 바로가기' }).isVisible(),
      'the skip link shows on focus',
    );
    await page.keyboard.press('Enter');
    assert.equal(await focused(page), 'main#main: ', 'Enter on the skip link moves focus into main');

    await page.goto('/');
    await waitForHeading(page, '광주 인권도시 플랫폼');
    // Tab order follows the page: skip link, home, the search, the language switch, sign-in, then
    // every link of the public menu (a row on a wide screen: no button to open first).
    const menu = page.getByRole('navigation', { name: '주 메뉴' });
    assert.equal(await menu.getByRole('button', { name: '메뉴' }).isVisible(), false);
    const publicMenu = (await menu.getByRole('link').allTextContents()).map((label) => `a: ${label.trim()}`);
    const expected = [
      'a: 본문 바로가기',
      'a: 광주 인권도시 플랫폼 홈',
      'input#site-search-q: ',
      'button: 검색',
      'button: English',
      'a: 로그인',
      ...publicMenu,
    ];
    const order: string[] = [];
    for (let step = 0; step < expected.length; step++) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
    }
    assert.deepEqual(order, expected);
    assert.ok(publicMenu.includes('a: 공통 용어'));

    // Following a menu link by keyboard moves focus to the new page's heading and announces it.
    await menu.getByRole('link', { name: '공통 용어' }).focus();
    assert.equal(await focused(page), 'a: 공통 용어');
    await page.keyboard.press('Enter');
    await waitForHeading(page, '공통 용어');
    assert.equal(await focused(page), 'h1: 공통 용어');
    assert.equal(await page.title(), '공통 용어 | 광주 인권도시 플랫폼');
    await page.getByRole('status').filter({ hasText: '공통 용어' }).waitFor({ state: 'attached' });
    assert.equal(await menu.getByRole('link', { name: '공통 용어' }).getAttribute('aria-current'), 'page');
  });

  it('folds the public menu behind a Menu button on a phone, opened and closed by keyboard', async () => {
    const page = await harness.newPage({ width: 390, height: 844, language: 'ko' });
    await page.goto('/');
    await waitForHeading(page, '광주 인권도시 플랫폼');
    const heading = await page.locator('h1').boundingBox();
    assert.ok(
      heading && heading.y + heading.height <= 844,
      `the heading is on the first screen (${heading?.y})`,
    );
    const menu = page.getByRole('navigation', { name: '주 메뉴' });
    const button = menu.getByRole('button', { name: '메뉴' });
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    const report = menu.getByRole('link', { name: '인권침해 진정' });
    assert.equal(await report.isVisible(), false, 'the links wait behind the button');
    // The search, the language switch and sign-in stay in view, outside the menu.
    for (const tool of [
      page.getByRole('search').getByLabel('사이트 전체에서 찾을 낱말'),
      page.getByRole('button', { name: 'English' }),
      page.getByRole('link', { name: '로그인' }),
    ]) {
      assert.ok(await tool.isVisible());
    }
    await checkAccessibility(page, 'the phone menu closed (ko)');

    await button.focus();
    await page.keyboard.press('Enter');
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.ok(await report.isVisible(), 'Enter shows the links');
    await checkAccessibility(page, 'the phone menu open (ko)');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'a: 숫자로 보는 광주', 'Tab goes on into the links');
    await page.keyboard.press('Escape');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await focused(page), 'button: 메뉴', 'Escape returns focus to the button');
    assert.equal(await report.isVisible(), false);

    await page.keyboard.press('Space');
    assert.ok(await report.isVisible(), 'Space shows the links');
    await report.focus();
    await page.keyboard.press('Enter');
    await waitForHeading(page, '인권침해 진정하기');
    assert.equal(await button.getAttribute('aria-expanded'), 'false', 'following a link folds the menu');

    await page.getByRole('button', { name: 'English' }).click();
    const english = page.getByRole('navigation', { name: 'Main menu' });
    const englishButton = english.getByRole('button', { name: 'Menu' });
    await englishButton.waitFor();
    await checkAccessibility(page, 'the phone menu closed (en)');
    await englishButton.click();
    await english.getByRole('link', { name: 'Report a violation' }).waitFor();
    await checkAccessibility(page, 'the phone menu open (en)');
    await page.locator('h1').click();
    assert.equal(await englishButton.getAttribute('aria-expanded'), 'false', 'a click outside folds it');
  });

  it('switches language by keyboard on the same page and query, and remembers the choice', async () => {
    const page = await harness.newPage();
    await page.goto('/figures?section=2.4');
    await waitForHeading(page, '숫자로 보는 광주');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
    await page.getByRole('button', { name: 'English' }).focus();
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Gwangju in figures');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, '/figures?section=2.4');
    assert.equal(await page.title(), 'Gwangju in figures | Gwangju Human Rights City Platform');
    assert.equal(await focused(page), 'button: 한국어', 'focus stays on the switch');
    assert.equal(await page.getByRole('button', { name: '한국어' }).getAttribute('lang'), 'ko');

    await page.reload();
    await waitForHeading(page, 'Gwangju in figures');

    // `?lang=` in a link wins over the remembered choice.
    await page.goto('/vocabularies?lang=ko');
    await waitForHeading(page, '공통 용어');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
  });

  it('shows the figures of the dataset, filtered by section, with Korean number formatting', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await page.goto('/');
    await page.getByText('1,480,000명').waitFor();
    // The headlines come under a heading per system, for moving between them by heading.
    await page.getByRole('heading', { level: 3, name: '인권지표' }).waitFor();
    const cityFigures = page.getByRole('region', { name: '숫자로 보는 광주' });
    assert.ok(
      (await cityFigures.getByText('1,480,000명').count()) > 0,
      "the city's own figures have a group",
    );
    // Each headline links to where it is explained.
    await page.getByRole('link', { name: '광주광역시 인구' }).click();
    await waitForHeading(page, '숫자로 보는 광주');

    await page.goto('/figures');
    await waitForHeading(page, '숫자로 보는 광주');
    const table = page.getByRole('table');
    await table.waitFor();
    const allRows = await table.locator('tbody tr').count();
    assert.ok(allRows > 150, `every figure is listed (${allRows})`);
    await page.getByLabel('출처(절)').selectOption('2.4');
    await page.getByRole('button', { name: '보기' }).click();
    await page.waitForURL(/section=2\.4/);
    assert.match((await table.locator('caption').textContent()) ?? '', /2\.4절, 5개/);
    const population = table.getByRole('row', { name: /2017년 인권교육 참여율 산정 기준/ });
    assert.match((await population.textContent()) ?? '', /1,485,000/);
    assert.equal(await table.locator('th[scope="col"]').count(), 6);
  });

  it('lists the records tagged with a term, grouped by module, and says when there are none', async () => {
    const page = await harness.newPage({ language: 'en' });
    await page.goto('/vocabularies/rights/sample-dignity');
    await waitForHeading(page, /live in dignity/);
    const group = page.getByRole('region', { name: /Gwangju in figures: 2 records/ });
    await group.waitFor();
    assert.equal(await group.getByRole('link').count(), 2);

    await page.goto('/vocabularies/districts/dong-gu');
    await waitForHeading(page, 'Dong-gu');
    await page.getByText('No public record is tagged with this term yet.').waitFor();
  });

  it('searches all public content from the header by keyboard, and finds 인권', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await page.goto('/');
    await waitForHeading(page, '광주 인권도시 플랫폼');
    await page.getByRole('search').getByLabel('사이트 전체에서 찾을 낱말').focus();
    await page.keyboard.type('인권');
    await page.keyboard.press('Enter');
    await waitForHeading(page, '“인권” 검색 결과');
    assert.equal(await focused(page), 'h1: “인권” 검색 결과', 'focus moves to the results');
    await page
      .getByRole('status')
      .filter({ hasText: /“인권”에 대한 결과 \d+건/ })
      .waitFor();
    const figures = page.getByRole('region', { name: /숫자로 보는 광주: \d+건/ });
    assert.ok((await figures.getByRole('link').count()) > 0, 'figures that speak of 인권 are found');
    await checkAccessibility(page, 'search results (ko)');
  });

  it('lists the open datasets with their codebooks, and downloads one as CSV', async () => {
    const page = await harness.newPage({ language: 'en' });
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Open data' })
      .click();
    await waitForHeading(page, 'Open data');
    await page
      .getByRole('link', {
        name: 'The human rights bureau and its divisions, with their officials',
        exact: true,
      })
      .click();
    await waitForHeading(page, 'The human rights bureau and its divisions, with their officials');
    const codebook = page.getByRole('table', { name: /columns and their meaning/ });
    assert.ok(await codebook.getByRole('rowheader', { name: 'headcount' }).isVisible());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /as CSV$/ }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'bureau-divisions.csv');
    const path = await download.path();
    const bytes = readFileSync(path);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV begins with a byte-order mark');
    assert.match(bytes.toString('utf8'), /민주인권평화국/);
  });

  it("offers the platform's own source from every page's footer", async () => {
    const page = await harness.newPage({ language: 'en' });
    await page.goto('/forum');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('contentinfo').getByRole('link', { name: 'Source code (AGPL-3.0)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'rightscity-source.tar.gz');
    const bytes = readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 2)], [0x1f, 0x8b], 'a gzip file');
  });

  it("reaches a chart's table of numbers by keyboard, in English", async () => {
    const page = await harness.newPage({ language: 'en' });
    await page.goto('/forum');
    const chart = page.getByRole('img', { name: /World Human Rights Cities Forum/ });
    await chart.first().waitFor();
    // The table that follows the chart is a focusable scrolling region named by its caption: Tab
    // reaches it, and it holds the chart's numbers.
    let region = '';
    for (let step = 0; step < 80 && !/the values in the chart/.test(region); step++) {
      await page.keyboard.press('Tab');
      region = await page.evaluate(() => {
        const element = document.activeElement;
        return element?.classList.contains('table-scroll')
          ? (element.querySelector('caption')?.textContent ?? '')
          : '';
      });
    }
    assert.match(
      region,
      /participants and speakers, by year: the values in the chart/,
      'Tab reaches the chart’s table',
    );
    const table = page.locator('.table-scroll:focus table');
    assert.match((await table.textContent()) ?? '', /1,800/);
    await checkAccessibility(page, 'forum with its chart (en)');
  });

  it('shows the 404 page for an unknown address', async () => {
    const page = await harness.newPage({ language: 'ko' });
    const response = await page.goto('/this/does/not/exist?x=1');
    assert.equal(response?.status(), 200, 'the shell answers; the web app says what is missing');
    await waitForHeading(page, '페이지를 찾을 수 없습니다');
    assert.equal(await page.title(), '페이지를 찾을 수 없습니다 | 광주 인권도시 플랫폼');
    await page.getByRole('link', { name: '홈으로 가기' }).click();
    await waitForHeading(page, '광주 인권도시 플랫폼');
  });

  it('reflows at 320 CSS px without sideways scrolling', async () => {
    const page = await harness.newPage({ width: 320, language: 'ko' });
    for (const path of ['/', '/figures', '/vocabularies/target-groups', '/login']) {
      await page.goto(path);
      await page.locator('h1').waitFor();
      await page.locator('main [role="status"]:has-text("…")').waitFor({ state: 'detached' });
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      assert.ok(
        scrollWidth <= clientWidth,
        `${path} scrolls sideways at 320px: ${scrollWidth} > ${clientWidth}`,
      );
    }
  });

  it('renders the home page in both languages (screenshots in /tmp)', async () => {
    for (const language of ['ko', 'en'] as const) {
      const page = await harness.newPage({ language });
      await page.goto('/');
      await page.locator('.figure-card__value').first().waitFor();
      await page.screenshot({ path: `/tmp/rightscity-home-${language}.png`, fullPage: true });
    }
  });
});
