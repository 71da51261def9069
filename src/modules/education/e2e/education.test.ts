// The education pages in Chromium: the public page shows Table 3 with its chart and the chart's data
// table; an officer creates a programme, records a session and uploads an attendance sheet with the
// keyboard alone (a bad sheet first, whose row and column are named, then a good one); every page
// passes axe in Korean and in English.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
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
import { createProgramme } from '../server/commands/save-programme.ts';

/** Moves focus with Tab until the focused element matches `name` (a label or a button's text). */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let step = 0; step < 80; step++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return '';
      const label = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
      return label ?? element.textContent ?? '';
    });
    if (name.test(focused.trim())) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

const table3 = [
  ['공무원', '9,518'],
  ['아동·청소년', '203,323'],
  ['일반 시민', '20,880'],
  ['취약계층', '696'],
  ['인권강사 양성', '44'],
  ['사회복지 종사자', '40,618'],
  ['합계', '275,079'],
];

describe('the education pages in the browser', () => {
  let harness: Harness;
  let officer: Account;
  let publicProgramme: string;
  before(async () => {
    harness = await startHarness();
    officer = await harness.createAccount('officer');
    publicProgramme = await createProgramme(
      harness.database.db,
      { userId: null },
      {
        groupCode: 'children-youth',
        title: { ko: '찾아가는 인권교실', en: 'Visiting human rights class' },
        summary: { ko: '학교로 찾아가는 교실', en: 'A class that visits schools' },
        isPublic: true,
        tags: [],
      },
    );
  });
  after(() => harness?.close());

  it('shows Table 3 with its chart, whose data table is Table 3', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await page.goto('/education');
    await waitForHeading(page, '인권교육');
    await waitForLoaded(page);
    await page.getByRole('img', { name: /대상 집단별 인권교육 참여자\(2017년\)/ }).waitFor();
    const table = page
      .locator('table')
      .filter({ has: page.locator('caption', { hasText: '표 3. 인권교육 참여자' }) });
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((found) =>
        found.map((row) => [row.children[0]?.textContent ?? '', row.children[2]?.textContent ?? '']),
      );
    assert.deepEqual(rows, table3);
    const coverage = page
      .locator('table')
      .filter({ has: page.locator('caption', { hasText: '연도별 인권교육 참여율' }) });
    const cells = await coverage
      .locator('tbody tr')
      .evaluateAll((found) =>
        found.map((row) => [...row.children].slice(0, 5).map((cell) => cell.textContent)),
      );
    assert.deepEqual(cells, [
      ['2013', '250,422', '기록 없음', '기록 없음', '16.8%'],
      ['2017', '275,079', '1,485,000', '18.52%', '18.5%'],
    ]);
    await checkAccessibility(page, 'the education page (ko)');
  });

  it('passes axe on the public pages in both languages', async () => {
    for (const language of ['ko', 'en'] as Language[]) {
      const page = await harness.newPage({ language });
      await page.goto('/education');
      await waitForHeading(page, language === 'ko' ? '인권교육' : 'Human rights education');
      await waitForLoaded(page);
      await checkAccessibility(page, `the education page (${language})`);
      await page
        .getByRole('link', { name: language === 'ko' ? '찾아가는 인권교실' : 'Visiting human rights class' })
        .click();
      await waitForHeading(page, language === 'ko' ? '찾아가는 인권교실' : 'Visiting human rights class');
      await waitForLoaded(page);
      await checkAccessibility(page, `a programme's page (${language})`);
    }
  });

  it('lets an officer record a session and upload an attendance sheet by keyboard', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, officer, '/staff/education');
    await waitForHeading(page, 'Human rights education (staff)');
    await waitForLoaded(page);
    await checkAccessibility(page, 'the staff education page (en)');

    await page.getByLabel(/^Target group/).focus();
    await page.keyboard.press('End');
    await tabTo(page, /^Title \(Korean\)/);
    await page.keyboard.type('사회복지시설 종사자 인권교육');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Class for social welfare facility workers');
    await tabTo(page, /^Create the programme$/);
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Programme: Class for social welfare facility workers');
    await waitForLoaded(page);
    await checkAccessibility(page, "a programme's staff page (en)");

    // Straight to the form (the Tab order through the menu is the shell's, tested there).
    await page.getByLabel(/^Date/).focus();
    await page.keyboard.type('2024-03-05');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Seo-gu welfare centre');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kim');
    await page.keyboard.press('Tab');
    await page.keyboard.type('25');
    await page.keyboard.press('Enter');
    await page.getByText('The session of 2024-03-05 was recorded.').waitFor();
    await page.getByRole('row', { name: /^2024-03-05 Seo-gu welfare centre Kim 25$/ }).waitFor();

    const choose = async (name: string, content: string) => {
      await tabTo(page, /^Attendance sheet/);
      // The field is reached by keyboard; the operating system's file dialog it would open is not
      // the page's, so the file is set on the focused control. (Pressing Space and waiting for
      // Chromium's chooser event timed out once under CI load, with the field focused.)
      await page
        .locator('input[type="file"]:focus')
        .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
      await tabTo(page, /^Upload the sheet$/);
      await page.keyboard.press('Enter');
    };
    await choose(
      'bad.csv',
      'date,place,instructor,participants\n2024-04-02,City Hall,Park,12\n2024-04-09,City Hall,Park,many\n',
    );
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    const issues = page
      .locator('table')
      .filter({ has: page.locator('caption', { hasText: 'Problems in the attendance sheet' }) });
    await issues.waitFor();
    const named = await issues
      .locator('tbody tr')
      .evaluateAll((found) =>
        found.map((row) => [...row.children].slice(0, 2).map((cell) => cell.textContent)),
      );
    assert.deepEqual(named, [['3', 'participants']]);
    assert.equal(await page.getByLabel(/^Attendance sheet/).getAttribute('aria-invalid'), 'true');
    assert.equal(
      await page.getByRole('row', { name: /City Hall/ }).count(),
      0,
      'nothing of the bad sheet was recorded',
    );
    await checkAccessibility(page, 'the staff programme page with a refused sheet (en)');

    await choose(
      'good.csv',
      'date,place,instructor,participants\n2024-04-02,City Hall,Park,12\n2024-04-09,City Hall,Park,14\n',
    );
    await page.getByText('2 sessions (26 participants) were imported.').waitFor();
    await page.getByRole('row', { name: /^2024-04-09 City Hall Park 14$/ }).waitFor();
    assert.equal(await issues.count(), 0, 'the problems of the earlier sheet are gone');
    await checkAccessibility(page, 'the staff programme page after an import (en)');

    await page.getByLabel('Public: anyone can see it').check();
    await page.getByRole('button', { name: 'Save the programme' }).click();
    await page.getByText('The programme "Class for social welfare facility workers" was saved.').waitFor();
    await page.getByRole('link', { name: 'View the public page' }).waitFor();
    assertNoPageErrors(page);
  });

  it('passes axe on the staff pages in Korean', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, officer, '/staff/education');
    await waitForHeading(page, '인권교육 관리');
    await waitForLoaded(page);
    await checkAccessibility(page, 'the staff education page (ko)');
    await page.goto(`/staff/education/programmes/${publicProgramme}`);
    await waitForHeading(page, '프로그램: 찾아가는 인권교실');
    await waitForLoaded(page);
    await checkAccessibility(page, "a programme's staff page (ko)");
  });
});
