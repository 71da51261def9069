// An invited questionnaire in Chromium: the office chooses "invited people only" by keyboard, issues
// personal answer links, sees them once and downloads them as CSV; a resident follows a personal link,
// finds the token gone from the address bar, answers by keyboard, and the same link used again is
// refused in words; the questionnaire's link alone says it takes personal links only. Every page
// passes axe in both languages. (The journey of an open questionnaire is in cycle.test.ts.)
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import {
  type Account,
  assertNoPageErrors,
  checkAccessibility,
  type Harness,
  signIn,
  startHarness,
  waitForHeading,
} from '../../../kernel/web/e2e/harness.ts';
import { apiSession } from './seed-data.ts';

async function typeInto(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.pressSequentially(text);
}

async function activate(control: Locator): Promise<void> {
  await control.focus();
  await control.press('Enter');
}

async function chooseByKeyboard(select: Locator, value: string): Promise<void> {
  await select.focus();
  for (let step = 0; step < 10 && (await select.inputValue()) !== value; step += 1) {
    await select.press('ArrowDown');
  }
  assert.equal(await select.inputValue(), value);
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('main [role="status"]')].some((region) =>
        region.textContent?.includes('…'),
      ),
  );
}

describe('an invited questionnaire in the browser', () => {
  let harness: Harness;
  let officer: Account;
  let links: string[] = [];
  let token = '';

  before(async () => {
    harness = await startHarness();
    officer = await harness.createAccount('officer', 'Officer Kim');
    const call = await apiSession(harness.baseUrl, officer);
    const { indicator } = (await call('GET', '/indicators/2-1')) as unknown as {
      indicator: Record<string, unknown>;
    };
    const kept = ['ohchrType', 'status', 'task', 'unit', 'numerator', 'denominator', 'dataSource']
      .concat(['periodicity', 'baseline', 'target', 'minValue', 'maxValue', 'changeThresholdPercent', 'tags'])
      .concat(['direction', 'responsibleDepartment']);
    await call('PUT', '/indicators/2-1', {
      ...Object.fromEntries(kept.map((key) => [key, indicator[key]])),
      version: indicator.version,
      kind: 'qualitative',
    });
    await call('POST', '/indicators/cycles', { year: 2025 });
  });
  after(() => harness?.close());

  it('lets the office invite by personal links, shown once and downloaded as CSV', async () => {
    const page = await harness.newPage({ language: 'en' });
    await signIn(page, officer, '/staff/indicators/questionnaires');
    await waitForHeading(page, 'Indicator questionnaires');
    await settled(page);
    await page.getByRole('heading', { level: 2, name: 'Write the questionnaire' }).waitFor();
    await typeInto(page.getByLabel(/^Questionnaire title \(Korean\)/), '초대 설문');
    await typeInto(page.getByLabel(/^Questionnaire title \(English\)/), 'Invited survey');
    await chooseByKeyboard(page.getByLabel(/^Who may answer/), 'invited');
    const question = page.getByRole('group', { name: 'Question 1', exact: true });
    await typeInto(question.getByLabel(/\(Korean\)/).first(), '존중받는다고 느낍니까?');
    await typeInto(question.getByLabel(/\(English\)/).first(), 'Do you feel respected?');
    await activate(page.getByRole('button', { name: 'Save the questionnaire' }));
    await page.getByText('The questionnaire of indicator 2-1 is saved.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Personal answer links' }).waitFor();
    await page.getByText('0 issued: 0 used, 0 unused, 0 revoked').waitFor();

    await typeInto(page.getByLabel(/^Number of links to issue/), '3');
    await activate(page.getByRole('button', { name: 'Issue personal answer links' }));
    await page.getByText('3 issued: 0 used, 3 unused, 0 revoked').waitFor();
    await page.getByRole('heading', { level: 3, name: 'The 3 links just issued' }).waitFor();
    links = await page.locator('.invitation-links code').allTextContents();
    assert.equal(links.length, 3);
    for (const link of links)
      assert.match(link, /\/questionnaires\/[A-Za-z0-9_-]{32}\?invitation=[A-Za-z0-9_-]{32}$/);
    token = new URL(links[0] ?? '').pathname.split('/').pop() ?? '';
    await checkAccessibility(page, 'the invited questionnaire with its links (en)');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      activate(page.getByRole('button', { name: 'Download the links as CSV' })),
    ]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    assert.equal(csv, `\ufefflink\r\n${links.map((link) => `${link}\r\n`).join('')}`);

    // The third link is revoked by pasting it.
    await typeInto(page.getByLabel(/^Unused link to revoke/), links[2] ?? '');
    await activate(page.getByRole('button', { name: 'Revoke this link' }));
    await page.getByText('3 issued: 0 used, 2 unused, 1 revoked').waitFor();

    const korean = await harness.newPage({ language: 'ko' });
    await signIn(korean, officer, '/staff/indicators/questionnaires');
    await waitForHeading(korean, '인권지표 설문');
    await settled(korean);
    await korean.getByText('발급 3개: 사용 0개, 미사용 2개, 취소 1개').waitFor();
    await checkAccessibility(korean, 'the invited questionnaire (ko)');
    assertNoPageErrors(page);

    const call = await apiSession(harness.baseUrl, officer);
    const { cycles } = (await call('GET', '/indicators/cycles')) as unknown as {
      cycles: { year: number; version: number }[];
    };
    const version = cycles.find((cycle) => cycle.year === 2025)?.version;
    await call('POST', '/indicators/cycles/2025/transitions', { action: 'start_collection', version });
  });

  it('takes one answer through a personal link, and takes the token out of the address bar', async () => {
    const [first = '', second = ''] = links;
    const korean = await harness.newPage({ language: 'ko' });
    await korean.goto(new URL(first).pathname + new URL(first).search);
    await waitForHeading(korean, '설문: 초대 설문');
    await settled(korean);
    await korean.waitForFunction(() => !window.location.search.includes('invitation'));
    assert.equal(new URL(korean.url()).pathname, `/questionnaires/${token}`);
    await korean.getByText(/개인 응답 링크로 응답합니다/).waitFor();
    await checkAccessibility(korean, 'the invited questionnaire through a personal link (ko)');
    await korean
      .getByRole('group', { name: /존중받는다고/ })
      .getByLabel('4', { exact: true })
      .focus();
    await korean.keyboard.press('Space');
    await activate(korean.getByRole('button', { name: '응답 보내기' }));
    await korean.getByText('응답해 주셔서 고맙습니다. 응답이 기록되었습니다.').waitFor();

    // The same link again: refused in words, nothing stored.
    const page = await harness.newPage({ language: 'en' });
    await page.goto(new URL(first).pathname + new URL(first).search);
    await waitForHeading(page, 'Questionnaire: Invited survey');
    await settled(page);
    await page
      .getByRole('group', { name: /Do you feel respected/ })
      .getByLabel('2', { exact: true })
      .check();
    await activate(page.getByRole('button', { name: 'Send my answers' }));
    await page
      .getByRole('alert')
      .getByText(/This personal answer link has already been used/)
      .waitFor();
    await checkAccessibility(page, 'a used personal link (en)');

    // A revoked link says so too.
    const revoked = await harness.newPage({ language: 'ko' });
    await revoked.goto(new URL(links[2] ?? '').pathname + new URL(links[2] ?? '').search);
    await waitForHeading(revoked, '설문: 초대 설문');
    await settled(revoked);
    await revoked
      .getByRole('group', { name: /존중받는다고/ })
      .getByLabel('3', { exact: true })
      .check();
    await activate(revoked.getByRole('button', { name: '응답 보내기' }));
    await revoked
      .getByRole('alert')
      .getByText(/취소되었습니다/)
      .waitFor();
    await checkAccessibility(revoked, 'a revoked personal link (ko)');

    // The questionnaire's own link takes no answer, and says why.
    const bare = await harness.newPage({ language: 'en' });
    await bare.goto(`/questionnaires/${token}`);
    await waitForHeading(bare, 'Questionnaire: Invited survey');
    await settled(bare);
    await bare.getByText(/answered by invitation only, through a personal answer link/).waitFor();
    assert.equal(await bare.getByRole('button', { name: 'Send my answers' }).count(), 0);
    await checkAccessibility(bare, 'an invited questionnaire without a personal link (en)');

    const call = await apiSession(harness.baseUrl, officer);
    const staff = (await call('GET', '/indicators/cycles/2025/questionnaires/2-1')) as unknown as {
      invitations: object;
      results: { responses: number };
    };
    assert.deepEqual(staff.invitations, { issued: 3, used: 1, unused: 1, revoked: 1 });
    assert.equal(staff.results.responses, 1);
    assert.ok(second, 'the second link stays unused');
    for (const each of [korean, page, revoked, bare]) assertNoPageErrors(each);
  });
});
