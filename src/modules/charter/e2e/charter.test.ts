// The charter pages in Chromium: the public page shows the declaration in the seed's words, the
// articles (the sample articles the harness loads), the publications and, once a contest is closed,
// its winners; an officer runs a contest from opening to closing; every page passes axe in Korean and
// in English.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Language } from '../../../kernel/shared/language.ts';
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

const headings: Record<Language, string> = { ko: '광주인권헌장', en: 'Gwangju Human Rights Charter' };

describe('the charter pages in the browser', () => {
  let harness: Harness;
  let officer: Account;
  before(async () => {
    harness = await startHarness();
    officer = await harness.createAccount('officer');
  });
  after(() => harness?.close());

  it('shows the charter with its articles and publications, passing axe in both languages', async () => {
    for (const language of ['ko', 'en'] as Language[]) {
      const page = await harness.newPage({ language });
      await page.goto('/charter');
      await waitForHeading(page, headings[language]);
      await waitForLoaded(page);
      const lead =
        language === 'ko'
          ? '광주인권헌장은 2012년 5월 21일 제47회 광주시민의 날에 선포되었습니다.'
          : "The Gwangju Human Rights Charter was declared on 21 May 2012, the 47th Gwangju Citizens' Day.";
      await page.getByText(lead, { exact: false }).waitFor();
      await page
        .getByRole('heading', {
          level: 3,
          name: language === 'ko' ? /제1조 \[예시\]/ : /Article 1\. \[Sample\]/,
        })
        .waitFor();
      const publications = page.locator('table').filter({
        has: page.locator('caption', {
          hasText: language === 'ko' ? '광주인권헌장 출판물' : 'Publications of',
        }),
      });
      assert.equal(await publications.locator('tbody tr').count(), 7);
      await checkAccessibility(page, `the charter page (${language})`);
    }
  });

  it('lets an officer run a contest whose winner then appears on the public page', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, officer, '/staff/charter');
    await waitForHeading(page, 'Charter promotion (staff)');
    await waitForLoaded(page);
    await checkAccessibility(page, 'the charter staff page (en)');
    await page.getByLabel(/^Year/).first().fill('2024');
    await page.getByLabel(/^Contest name \(Korean\)/).fill('2024 인권 홍보 공모전');
    await page.getByLabel(/^Contest name \(English\)/).fill('2024 Human Rights Promotion Contest');
    await page.getByLabel(/^Exhibition place/).fill('City Hall');
    await page.getByLabel(/^Exhibition opens/).fill('2024-12-10');
    await page.getByLabel(/^Exhibition closes/).fill('2024-12-01');
    await page.getByRole('button', { name: 'Open the contest' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: 'The exhibition cannot end before it starts.' })
      .waitFor();
    await page.getByLabel(/^Exhibition closes/).fill('2024-12-20');
    await page.getByRole('button', { name: 'Open the contest' }).click();
    await page.getByText('The 2024 contest is open.').waitFor();
    await page.getByRole('link', { name: 'Manage the 2024 contest' }).click();
    await waitForHeading(page, '2024 Human Rights Promotion Contest');
    await waitForLoaded(page);

    await page.getByLabel(/^Title of the entry/).fill('Rights for all');
    await page.getByLabel(/^Entrant/).fill('Hong Gildong');
    await page.getByRole('button', { name: 'Add an entry' }).click();
    await page.getByText('The entry was added.').waitFor();
    await page.getByRole('row', { name: /Rights for all Slogan Hong Gildong/ }).waitFor();
    await checkAccessibility(page, 'the contest page while open (en)');

    await page.getByRole('button', { name: 'Move to "Being judged"' }).click();
    await page.getByText('The contest is now "Being judged".').waitFor();
    await page.getByRole('button', { name: 'Judge: Rights for all' }).click();
    await page.getByLabel(/^Score/).fill('95');
    await page.getByLabel(/^Award/).selectOption('grand');
    await page.getByLabel('Shown in the exhibition').check();
    await page.getByRole('button', { name: 'Save the judgement' }).click();
    await page.getByText('The judgement of "Rights for all" was saved.').waitFor();
    await checkAccessibility(page, 'the contest page while judged (en)');
    await page.getByRole('button', { name: 'Move to "Closed"' }).click();
    await page.getByText('The contest is now "Closed".').waitFor();
    assertNoPageErrors(page);

    const visitor = await harness.newPage({ language: 'ko' });
    await visitor.goto('/charter');
    await waitForHeading(visitor, headings.ko);
    await waitForLoaded(visitor);
    const winners = visitor
      .locator('table')
      .filter({ has: visitor.locator('caption', { hasText: '2024년 공모전 수상작' }) });
    const rows = await winners
      .locator('tbody tr')
      .evaluateAll((found) => found.map((row) => [...row.children].map((cell) => cell.textContent)));
    assert.deepEqual(rows, [['대상', 'Rights for all', '표어', '예']]);
    assert.equal(await visitor.getByText('Hong Gildong').count(), 0, 'no entrant on the public page');
    await checkAccessibility(visitor, 'the charter page with a closed contest (ko)');
  });

  it('passes axe on the staff pages in Korean', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, officer, '/staff/charter');
    await waitForHeading(page, '인권헌장 홍보 관리');
    await waitForLoaded(page);
    await checkAccessibility(page, 'the charter staff page (ko)');
    await page.getByRole('link', { name: '2024년 공모전 관리' }).click();
    await waitForHeading(page, '2024년 인권 홍보 공모전');
    await waitForLoaded(page);
    await checkAccessibility(page, 'the contest page (ko)');
  });
});
