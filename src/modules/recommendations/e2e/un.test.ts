// UN recommendations in Chromium: an officer imports the OHCHR Universal Human Rights Index export,
// by keyboard; a bad file names its row and column in the error summary and imports nothing; a good
// one is announced; the public finds the UN recommendations from the forum's UN page, and a record's
// page shows mechanism, body, symbol, paragraph and the original text in its language. axe passes on
// each page in Korean and English.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url));
const importTitles: Record<Language, string> = { ko: '유엔 권고 가져오기', en: 'Import UN recommendations' };
const recordTitles: Record<Language, string> = {
  ko: '권고와 그 경과',
  en: 'A recommendation and its timeline',
};

describe('UN recommendations in the browser', () => {
  let harness: Harness;
  let officer: Account;
  before(async () => {
    harness = await startHarness();
    officer = await harness.createAccount('officer');
  });
  after(() => harness?.close());

  it('imports the UHRI export by keyboard: a bad file names row and column and imports nothing, a good one is announced', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, officer, '/staff/recommendations/un-import');
    await waitForHeading(page, importTitles.ko);
    await checkAccessibility(page, 'the UN import (ko)');

    const file = page.getByLabel(/^파일/);
    await file.setInputFiles({
      name: 'uhri.csv',
      mimeType: 'text/csv',
      buffer: fixture('uhri-bad-mechanism.csv'),
    });
    await page.getByRole('button', { name: '가져오기' }).press('Enter');
    const summary = page.getByRole('alert');
    await summary.getByText(/4행 'Mechanism' 열/).waitFor();
    await checkAccessibility(page, 'the UN import with errors (ko)');

    await file.setInputFiles({ name: 'uhri.csv', mimeType: 'text/csv', buffer: fixture('uhri-good.csv') });
    await page.getByRole('button', { name: '가져오기' }).press('Enter');
    await page.getByText('새 권고 3건을 더했습니다.', { exact: false }).waitFor();
    assertNoPageErrors(page);

    const english = await harness.newPage({ language: 'en' });
    await signIn(english, officer, '/staff/recommendations/un-import');
    await waitForHeading(english, importTitles.en);
    await checkAccessibility(english, 'the UN import (en)');
    await english.getByLabel(/^File/).setInputFiles({
      name: 'uhri.csv',
      mimeType: 'text/csv',
      buffer: fixture('uhri-good.csv'),
    });
    await english.getByRole('button', { name: 'Import' }).press('Enter');
    await english.getByText(/Added 0 new recommendations; 3 were already in the register/).waitFor();
  });

  it('leads from the forum’s UN page to the UN recommendations, each with its UN details, in both languages', async () => {
    for (const language of ['ko', 'en'] as Language[]) {
      const page = await harness.newPage({ language });
      await page.goto('/forum/un');
      await waitForLoaded(page);
      const link = page.getByRole('link', {
        name: language === 'ko' ? /시가 따르는 유엔 권고/ : /UN recommendations the city follows/,
      });
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/recommendations\?source=un/);
      await waitForLoaded(page);
      await checkAccessibility(page, `the UN recommendations (${language})`);
      const record = page.getByRole('link', {
        name: language === 'ko' ? /점유 안정성/ : /security of tenure/,
      });
      await record.focus();
      await page.keyboard.press('Enter');
      await waitForHeading(page, recordTitles[language]);
      await waitForLoaded(page);
      await page.getByText('A/HRC/40/61/Add.1', { exact: true }).waitFor();
      await page.getByText('85(c)', { exact: true }).waitFor();
      await page.getByText(language === 'ko' ? '특별절차' : 'Special procedure', { exact: true }).waitFor();
      const original = page.locator('blockquote[lang="fr"]');
      assert.match((await original.textContent()) ?? '', /Le Rapporteur spécial/);
      await checkAccessibility(page, `a UN recommendation (${language})`);
      assertNoPageErrors(page);
    }
  });

  it('lets an officer record a UN recommendation through the register’s form, by keyboard, with axe in both languages', async () => {
    for (const language of ['ko', 'en'] as Language[]) {
      const page = await harness.newPage({ language });
      await signIn(page, officer, '/staff/recommendations');
      await waitForLoaded(page);
      await page
        .getByRole('combobox', { name: language === 'ko' ? /^권고 주체/ : /^Source/ })
        .selectOption('un');
      await page
        .getByRole('group', {
          name: language === 'ko' ? '유엔 권고의 세부 사항' : 'UN recommendation details',
        })
        .waitFor();
      await checkAccessibility(page, `the register's form for a UN source (${language})`);
    }
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, officer, '/staff/recommendations');
    await waitForLoaded(page);
    await page.getByRole('combobox', { name: /^Source/ }).selectOption('un');
    await page.getByLabel(/^Source reference/).fill('CRC/C/KOR/CO/5-6, para. 20(b)');
    await page
      .getByLabel(/^Text \(Korean\)/)
      .fill('아동이 자신에게 영향을 미치는 결정에서 의견을 말할 수 있게 할 것');
    await page.getByLabel(/^Text \(English\)/).fill('Ensure that children are heard (browser test)');
    await page.getByRole('combobox', { name: /^UN mechanism/ }).selectOption('treaty_body');
    await page.getByLabel(/^Recommending body/).fill('CRC');
    await page.getByLabel(/^Document symbol/).fill('CRC/C/KOR/CO/5-6');
    await page.getByLabel(/^Paragraph/).fill('20(b)');
    await page
      .getByLabel(/^Original text/)
      .fill('Ensure that children are heard in decisions affecting them');
    await page.getByLabel(/^Issued on/).fill('2019-10-24');
    await page.getByLabel('Democracy and Human Rights Division').check();
    // Not ticked public: refused on that box, since a UN recommendation is always public.
    await page.getByRole('button', { name: 'Record the recommendation' }).press('Enter');
    await page.getByRole('alert').getByText('A UN recommendation is always public.').waitFor();
    await page.getByLabel(/^Show on the public tracker/).check();
    await page.getByRole('button', { name: 'Record the recommendation' }).press('Enter');
    await page.getByText('The recommendation is recorded.').waitFor();
    await page.goto('/recommendations?source=un');
    await waitForLoaded(page);
    await page.getByRole('link', { name: 'Ensure that children are heard (browser test)' }).click();
    await waitForLoaded(page);
    await page.getByText('CRC/C/KOR/CO/5-6', { exact: true }).waitFor();
    await page
      .locator('blockquote[lang="en"]')
      .getByText('Ensure that children are heard in decisions affecting them')
      .waitFor();
    assertNoPageErrors(page);
  });
});
