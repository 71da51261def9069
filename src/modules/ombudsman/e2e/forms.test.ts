// The two staff forms that start a record, in Chromium: the staff intake and the counselling log. Every
// field is filled, the record is saved, the page is reloaded, and each value is read back from what the
// page shows: what staff type reaches the database and comes back, or this test says which field was lost.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  type Account,
  assertNoPageErrors,
  type Harness,
  signIn,
  startHarness,
  waitForHeading,
  waitForLoaded,
} from '../../../kernel/web/e2e/harness.ts';
import { appointStanding, signInApi } from './api-client.ts';

const field = (page: Page, name: string) => page.locator(`[id="field-${name}"]`);

/** The label of an option of a select, as the page shows it. */
async function chooseOption(page: Page, name: string, value: string): Promise<string> {
  const select = field(page, name);
  await select.selectOption(value);
  return (await select.locator(`option[value="${value}"]`).textContent())?.trim() ?? '';
}

describe('the staff forms keep every field (browser)', () => {
  let harness: Harness;
  let ombudsman: Account;

  before(async () => {
    harness = await startHarness();
    ombudsman = await harness.createAccount('ombudsman', '정상임');
    await appointStanding(harness, await signInApi(harness.baseUrl, ombudsman));
  });
  after(() => harness?.close());

  it('keeps every field of the staff intake, shown on the case file after a reload', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, ombudsman, '/staff/ombudsman/intake');
    await waitForHeading(page, 'Case intake (staff)');
    await waitForLoaded(page);
    const channel = await chooseOption(page, 'channel', 'visit');
    await field(page, 'complainant.name').fill('Hong Gildong');
    await field(page, 'complainant.phone').fill('010-1234-5678');
    await field(page, 'complainant.email').fill('hong@example.org');
    await field(page, 'onBehalf').check();
    await field(page, 'victim.name').fill('Hong Mother');
    await field(page, 'victim.phone').fill('010-8765-4321');
    await field(page, 'victim.email').fill('mother@example.org');
    const respondentType = await chooseOption(page, 'respondentType', 'facility');
    await field(page, 'respondent').fill('Gwangju care home');
    await field(page, 'summary').fill('Cameras film patients in their rooms');
    await field(page, 'description').fill('A camera in the ward films the patients day and night.');
    await field(page, 'occurredOn').fill('2026-03-02');
    await field(page, 'occurredPlace').fill('Ward 3');
    const right = page.locator('[id^="field-right-"]').first();
    await right.check();
    const rightLabel = (
      await page.locator(`label[for="${await right.getAttribute('id')}"]`).textContent()
    )?.trim();
    assert.ok(rightLabel, 'the rights vocabulary offers a right to tick');
    await field(page, 'consent').check();
    await page.getByRole('button', { name: 'Register the case' }).click();
    await page.getByRole('link', { name: 'Open the case' }).click();

    const expected = [
      channel,
      'Hong Gildong',
      '010-1234-5678',
      'hong@example.org',
      'Hong Mother',
      '010-8765-4321',
      'mother@example.org',
      respondentType,
      'Gwangju care home',
      'Cameras film patients in their rooms',
      'A camera in the ward films the patients day and night.',
      '2026-03-02, Ward 3',
      rightLabel,
    ];
    for (const round of ['saved', 'after a reload']) {
      if (round === 'after a reload') await page.reload();
      await waitForHeading(page, 'Case file');
      await page.getByLabel(/^Purpose/).fill('Check the intake');
      await page.keyboard.press('Enter');
      // The case's own heading ("Case 2026-000001"), not the purpose form's ("Case file").
      await page
        .locator('main h1')
        .filter({ hasText: /^Case \d{4}-/ })
        .waitFor();
      await waitForLoaded(page);
      const shown = (await page.locator('main').textContent()) ?? '';
      for (const value of expected) {
        assert.ok(shown.includes(value), `the case file shows "${value}" (${round})`);
      }
    }
    await assertNoPageErrors(page);
  });

  it('keeps every field of a counselling session, shown in the log after a reload', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, ombudsman, '/staff/ombudsman/counselling?year=2026');
    await waitForHeading(page, 'Counselling log');
    await waitForLoaded(page);
    await field(page, 'heldOn').fill('2026-02-10');
    const channel = await chooseOption(page, 'channel', 'phone');
    await field(page, 'topic').fill('Wages withheld from a migrant worker');
    const rights = field(page, 'rights');
    const firstRight = await rights.locator('option:not([value=""])').first().getAttribute('value');
    assert.ok(firstRight, 'the rights vocabulary offers a right to choose');
    const right = await chooseOption(page, 'rights', firstRight);
    const outcome = await chooseOption(page, 'outcome', 'referred');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const log = page.getByRole('table').filter({ hasText: 'Wages withheld from a migrant worker' });
    await log.waitFor();

    await page.reload();
    await waitForHeading(page, 'Counselling log');
    await waitForLoaded(page);
    const row = page.getByRole('row').filter({ hasText: 'Wages withheld from a migrant worker' });
    const shown = (await row.textContent()) ?? '';
    for (const value of ['2026-02-10', channel, right, outcome]) {
      assert.ok(shown.includes(value), `the log shows "${value}" after a reload`);
    }
    await assertNoPageErrors(page);
  });
});
