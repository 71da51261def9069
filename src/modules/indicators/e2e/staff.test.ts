// The indicators' staff pages in Chromium: an officer imports a file with errors and sees each line
// and column named, then a good file; opens a year's cycle and walks it to the end, after which that
// year's data is refused; a department user sees the cycle without actions. Every state passes axe.
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

async function upload(page: Page, csv: string): Promise<void> {
  await page
    .getByLabel(/^CSV (파일|file)/)
    .setInputFiles({ name: 'data.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: /^(올리기|Upload)$/ }).click();
}

describe('the indicators’ staff pages in the browser', () => {
  let harness: Harness;
  let officer: Account;
  before(async () => {
    harness = await startHarness();
    officer = await harness.createAccount('officer');
  });
  after(() => harness?.close());

  it('names every bad line and column of an imported file, then imports a good one', async () => {
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, officer, '/staff/indicators/import');
    await waitForHeading(page, '인권지표 자료 올리기');
    await waitForLoaded(page);
    await page.getByLabel(/^지표/).selectOption('2-1');
    await upload(page, 'Year,Value\n2020,12\n20x1,3\n2022,abc\n');
    const summary = page.getByRole('alert').filter({ hasText: '문제가 있습니다' });
    await summary.waitFor();
    const table = page.locator('table').filter({ has: page.locator('caption', { hasText: '파일의 문제' }) });
    await table.waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((found) =>
        found.map((row) => [...row.children].slice(0, 2).map((cell) => cell.textContent)),
      );
    assert.deepEqual(rows, [
      ['3', 'Year'],
      ['4', 'Value'],
    ]);
    const file = page.getByLabel(/^CSV 파일/);
    assert.equal(await file.getAttribute('aria-invalid'), 'true');
    await checkAccessibility(page, 'the import page with errors (ko)');

    await upload(page, 'Year,Value\n2023,12\n2024,13.5\n');
    await page.getByText('값 2개를 올렸습니다.').waitFor();
    await page.getByText('새 값으로 바뀐 연도: 2023, 2024').waitFor();
    assert.equal(await page.locator('table').count(), 0, 'the problems of the earlier file are gone');
    await checkAccessibility(page, 'the import page after an import (ko)');
    await page.getByRole('link', { name: '지표 페이지에서 보기' }).click();
    await waitForHeading(page, /^인권지표 2-1: /);
    await page.getByRole('img', { name: /연도별 값/ }).waitFor();
    assertNoPageErrors(page);
  });

  it('lets an officer open a year’s cycle and walk it to the end, which locks that year', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, officer, '/staff/indicators/cycles');
    await waitForHeading(page, 'Indicator assessment cycle');
    await waitForLoaded(page);
    await page.getByText('No cycle is in progress.').waitFor();
    await checkAccessibility(page, 'the cycle page without a cycle (en)');
    await page.getByLabel(/^Year/).fill('2024');
    await page.getByRole('button', { name: 'Open the cycle' }).click();
    await page.getByText('The 2024 cycle is open.').waitFor();
    const steps = page.getByRole('list', { name: 'Steps of the 2024 cycle' });
    // The current step names itself, then links to the pages of its work.
    assert.match(
      (await steps.locator('[aria-current="step"]').textContent()) ?? '',
      /^Targets and plans \(current step\)Indicator targets and plans$/,
    );
    await checkAccessibility(page, 'the cycle page at its first step (en)');

    // Opening the same year again is refused on the year field.
    await page.getByRole('button', { name: 'Open the cycle' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /already exists/ })
      .waitFor();
    assert.equal(await page.getByLabel(/^Year/).getAttribute('aria-invalid'), 'true');

    const walk = [
      ['Start data collection', 'Data collection'],
      ['Start the self-assessment', 'Self-assessment'],
      ["Report to the citizens' committee", "Report to the citizens' committee"],
      ['Start complementation', 'Complementation'],
      ['Start collecting results', 'Collection of results'],
    ] as const;
    // Each move is confirmed in the page, beside what is still empty.
    const confirm = async (action: string) => {
      await page.getByRole('button', { name: action, exact: true }).click();
      await page
        .getByRole('region', { name: /^Confirm: / })
        .getByText('Still empty')
        .waitFor();
      await page.getByRole('button', { name: `Yes, go ahead: ${action}` }).click();
    };
    for (const [action, step] of walk) {
      await confirm(action);
      await page.getByText(`The 2024 cycle has moved to "${step}".`).waitFor();
      await steps.locator('[aria-current="step"]', { hasText: step }).waitFor();
    }
    await confirm("Close the cycle (locks the year's data)");
    await page.getByText('The 2024 cycle has moved to "Closed".').waitFor();
    await page.getByText('No cycle is in progress.').waitFor();
    const closed = page.getByRole('row', { name: /^2024 Closed/ });
    await closed.waitFor();
    await checkAccessibility(page, 'the cycle page with a closed cycle (en)');

    await page.goto('/staff/indicators/import');
    await waitForHeading(page, 'Indicator data import');
    await waitForLoaded(page);
    await upload(page, 'Year,Value\n2024,1\n');
    await page
      .getByRole('alert')
      .getByRole('link', { name: /The 2024 cycle is closed/ })
      .waitFor();
    assertNoPageErrors(page);
  });

  it('shows a department user the cycle without actions, and no indicator that is not theirs', async () => {
    const department = await harness.createAccount('department');
    const page = await harness.newPage({ language: 'ko' });
    await signIn(page, department, '/staff/indicators/cycles');
    await waitForHeading(page, '인권지표 평가 주기');
    await waitForLoaded(page);
    assert.equal(await page.getByRole('button', { name: '평가 주기 열기' }).count(), 0);
    await page.getByRole('row', { name: /^2024 종료/ }).waitFor();
    await checkAccessibility(page, 'the cycle page for a department (ko)');
    await page.goto('/staff/indicators/import');
    await waitForHeading(page, '인권지표 자료 올리기');
    await waitForLoaded(page);
    await page.getByText('자료를 올릴 수 있는 지표가 없습니다.', { exact: false }).waitFor();
    await checkAccessibility(page, 'the import page for a department without indicators (ko)');
  });
});
